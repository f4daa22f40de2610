package dev.switchboard.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.rest.server.ScriptedOrders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the server behind an imaginary load balancer, sharing
 * {@code switchboard.rest.idempotency=jdbc} on the real PostgreSQL (127.0.0.1:5432, a schema of
 * this run's own, dropped after): a client retry that reaches the other instance gets the first
 * answer instead of running the call again, and a different request under the key is rejected there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcIdempotencyAcrossInstancesTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String ORDER = "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"apple\",\"quantity\":1}]}";

    private final String schema = "sbt_rest_" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeAll
    void start() throws Exception {
        execute("CREATE SCHEMA " + schema);
        Map<String, String> shared = Map.of("switchboard.rest.idempotency", "jdbc",
                "spring.datasource.url", POSTGRES + "?currentSchema=" + schema,
                "spring.datasource.username", "postgres");
        first = Services.server(shared);
        second = Services.server(shared);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (second != null) {
                second.close();
            }
            if (first != null) {
                first.close();
            }
        } finally {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private HttpResponse<String> post(ConfigurableApplicationContext server, String body, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Services.port(server) + "/orders"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRetryOnTheOtherInstanceIsReplayedAndADifferentRequestRejectedThere() throws Exception {
        String key = "key-" + UUID.randomUUID();
        HttpResponse<String> answered = post(first, ORDER, key);
        HttpResponse<String> retried = post(second, ORDER, key);

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(answered.body());
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.getBean(ScriptedOrders.class).calls("createOrder")).isOne();
        assertThat(second.getBean(ScriptedOrders.class).calls("createOrder")).as("never ran on the second").isZero();

        HttpResponse<String> different = post(second, ORDER.replace("apple", "pear"), key);
        assertThat(different.statusCode()).as(different.body()).isEqualTo(422);
        assertThat(different.body()).contains(key);
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "")) {
            connection.createStatement().execute(sql);
        }
    }
}
