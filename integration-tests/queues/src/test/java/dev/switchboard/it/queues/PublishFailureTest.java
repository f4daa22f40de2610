package dev.switchboard.it.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.it.queues.orders.OrderPlaced;
import dev.switchboard.it.queues.orders.OrdersEvents;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publish the broker cannot take fails its future with the shared taxonomy, after the contract's
 * retries (three attempts here) under a timeout configured like an operation's
 * ({@code switchboard.services.orders.timeout}), instead of hanging or failing with the client's
 * own exception: UNAVAILABLE, or DEADLINE_EXCEEDED when no attempt was answered in time. A REST
 * or gRPC handler that joins it answers 503 / UNAVAILABLE.
 */
class PublishFailureTest {

    private static final Map<String, String> POLICY = Map.of(
            "switchboard.services.orders.timeout", "1s",
            "switchboard.services.orders.deadline", "20s");

    @Test
    void rabbitMqThatRefusesConnectionsIsUnavailable() throws Exception {
        SwitchboardException failure = publishWith(Map.of("switchboard.messaging.broker", "rabbitmq",
                "spring.rabbitmq.addresses", "127.0.0.1:" + unusedPort()));

        assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(failure).hasMessageContaining("after 3 attempts");
    }

    @Test
    void kafkaThatCannotBeReachedFailsWithTheTaxonomy() throws Exception {
        SwitchboardException failure = publishWith(Map.of("switchboard.messaging.broker", "kafka",
                "spring.kafka.bootstrap-servers", "127.0.0.1:" + unusedPort(),
                "spring.kafka.admin.operation-timeout", "1s",
                "spring.kafka.admin.close-timeout", "1s"));

        assertThat(failure.code()).isIn(ErrorCode.UNAVAILABLE, ErrorCode.DEADLINE_EXCEEDED);
    }

    @Test
    void natsThatWentAwayFailsWithTheTaxonomy(@TempDir Path store) throws Exception {
        int port = unusedPort();
        Process server = new ProcessBuilder("nats-server", "-js", "-a", "127.0.0.1", "-p", Integer.toString(port),
                "-sd", Files.createDirectories(store.resolve("jetstream")).toString())
                .redirectErrorStream(true).redirectOutput(store.resolve("nats.log").toFile()).start();
        try {
            awaitListening(port, server);
            Map<String, String> broker = Map.of("switchboard.messaging.broker", "nats",
                    "switchboard.messaging.nats.servers", "nats://127.0.0.1:" + port);
            try (Services services = new Services(with(broker))) {
                OrdersEvents events = services.publisher().getBean(OrdersEvents.class);
                events.orderPlaced(order()).get(30, TimeUnit.SECONDS);
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

                SwitchboardException failure = failureOf(events);

                assertThat(failure.code()).isIn(ErrorCode.UNAVAILABLE, ErrorCode.DEADLINE_EXCEEDED);
            }
        } finally {
            server.destroyForcibly();
        }
    }

    private static SwitchboardException publishWith(Map<String, String> broker) throws Exception {
        try (Services services = new Services(with(broker))) {
            return failureOf(services.publisher().getBean(OrdersEvents.class));
        }
    }

    private static SwitchboardException failureOf(OrdersEvents events) {
        Throwable thrown = catchThrowable(() -> events.orderPlaced(order()).get(60, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(SwitchboardException.class);
        return (SwitchboardException) thrown.getCause();
    }

    private static OrderPlaced order() {
        return new OrderPlaced("o-" + UUID.randomUUID(), "apple", 1, null);
    }

    private static Map<String, String> with(Map<String, String> broker) {
        Map<String, String> properties = new HashMap<>(broker);
        properties.putAll(POLICY);
        return properties;
    }

    /** A port of 127.0.0.1 that nothing listens on: connecting to it is refused. */
    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port, Process server) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("nats-server exited with " + server.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nats-server did not listen on " + port + " within 10 s");
    }
}
