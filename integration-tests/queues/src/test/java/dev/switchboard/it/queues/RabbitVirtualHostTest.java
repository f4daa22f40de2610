package dev.switchboard.it.queues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.queues.consumer.RecordingHandlers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * RabbitMQ as a production estate configures it, with {@code spring.rabbitmq.*} alone: a virtual
 * host and user made for this test on the local RabbitMQ ({@code rabbitmqctl}, removed after; the
 * test fails when either is unavailable), and {@code spring.rabbitmq.addresses} listing an address
 * nobody listens on before the real one. Events and commands reach the handlers, and the topology
 * lives in the test's virtual host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RabbitVirtualHostTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String virtualHost = "switchboard-it-" + run;
    private final String user = "switchboard-it-" + run;
    private final String password = UUID.randomUUID().toString();

    @BeforeAll
    void createVirtualHostAndUser() throws Exception {
        rabbitmqctl("add_vhost", virtualHost);
        rabbitmqctl("add_user", user, password);
        rabbitmqctl("set_permissions", "-p", virtualHost, user, ".*", ".*", ".*");
    }

    @AfterAll
    void deleteVirtualHostAndUser() throws Exception {
        rabbitmqctl("delete_user", user);
        rabbitmqctl("delete_vhost", virtualHost);
    }

    @Test
    void eventsAndCommandsFlowInTheVirtualHostPastAnUnreachableFirstAddress() throws Exception {
        Map<String, String> broker = Map.of("switchboard.messaging.broker", "rabbitmq",
                "spring.rabbitmq.addresses", "127.0.0.1:" + unusedPort() + ",127.0.0.1:5672",
                "spring.rabbitmq.virtual-host", virtualHost,
                "spring.rabbitmq.username", user,
                "spring.rabbitmq.password", password);
        try (Services services = new Services(broker)) {
            RecordingHandlers inventory = services.consumer("inventory-" + run);
            Services.eventAndCommandReach(services.publisher(), inventory);
            assertThat(rabbitmqctl("list_queues", "-p", virtualHost, "--quiet", "name").lines().map(String::strip))
                    .contains(QueueScenarios.EVENTS + ".inventory-" + run, QueueScenarios.COMMANDS);
        }
    }

    /** A port of 127.0.0.1 that nothing listens on: connecting to it is refused. */
    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String rabbitmqctl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }
}
