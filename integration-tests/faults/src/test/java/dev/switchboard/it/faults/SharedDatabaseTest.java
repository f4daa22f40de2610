package dev.switchboard.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two shop instances on one database, as a service runs in production: started at the same moment
 * on a fresh schema (both create the stores' shared tables at once), and answering a POST retried
 * with the same {@code Idempotency-Key} on the other instance from the first answer. The broker is
 * the embedded one: these are the database's guarantees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedDatabaseTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Exception> startupFailures = new ArrayList<>();
    private Database database;
    private ServiceInstance first;
    private ServiceInstance second;

    @BeforeAll
    void startBothAtOnce() {
        database = Database.fresh("shared");
        Path directory = RunDirectory.fresh(Path.of("target", "faults", getClass().getSimpleName()));
        first = new ServiceInstance("a", Shop.properties(database), directory);
        second = new ServiceInstance("b", Shop.properties(database), directory);
        first.start();
        second.start();
        for (ServiceInstance instance : List.of(first, second)) {
            try {
                instance.awaitReady();
            } catch (IllegalStateException e) {
                startupFailures.add(e);
            }
        }
    }

    @AfterAll
    void stop() {
        first.close();
        second.close();
        database.close();
    }

    @Test
    void twoInstancesStartedAtTheSameMomentOnAFreshSchemaBothComeUp() {
        assertThat(startupFailures).as("instances that did not come up").isEmpty();
        assertThat(database.tables()).as("the stores' tables next to the shop's").contains("orders", "effects")
                .anyMatch(table -> table.startsWith("switchboard_"));
    }

    @Test
    void aPostRetriedOnTheOtherInstanceWithTheSameKeyGetsTheFirstAnswerAndRunsOnce() throws Exception {
        assertThat(startupFailures).as("instances that did not come up").isEmpty();
        String orderId = "replay-" + UUID.randomUUID();
        String body = "{\"orderId\":\"" + orderId + "\",\"sku\":\"apple\"}";

        HttpResponse<String> answer = post(first, orderId, body);
        HttpResponse<String> replay = post(second, orderId, body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(answer.body()).contains("\"acceptedBy\":\"a\"");
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(database.orders(orderId)).as("order rows").containsExactly(Map.entry(orderId, 1));
    }

    private HttpResponse<String> post(ServiceInstance instance, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(instance.orders()).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
