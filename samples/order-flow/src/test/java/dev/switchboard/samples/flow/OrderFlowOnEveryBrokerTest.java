package dev.switchboard.samples.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runner's whole story, as the README's first command tells it, on each real broker the one
 * flag selects: in-process Kafka, and the local RabbitMQ and NATS servers (this fails, never
 * skips, when one is unreachable).
 */
class OrderFlowOnEveryBrokerTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kafka", "rabbitmq", "nats"})
    void theFlowRunsAsTheStorySays(String brokerName) {
        ByteArrayOutputStream told = new ByteArrayOutputStream();
        FlowLog log = new FlowLog();
        boolean asExpected;
        try (Broker broker = Broker.start(brokerName); TokenIssuer issuer = TokenIssuer.start();
                Shop shop = Shop.open(Path.of("target/services"), broker, issuer, log, Map.of())) {
            PrintStream out = new PrintStream(told, true, StandardCharsets.UTF_8);
            asExpected = new OrderFlow(shop, issuer, log, broker.name(), out).play();
        }
        String story = told.toString(StandardCharsets.UTF_8);

        assertThat(asExpected).as(story).isTrue();
        assertThat(story).contains("on the " + brokerName + " broker", "inventory was busy: retried 1×",
                "400 OutOfStock: only 3 of green-teapot left", "→ 401 UNAUTHENTICATED", "→ 403 PERMISSION_DENIED",
                "orders-service's own token for inventory → 1 granted");
        assertThat(story.lines().filter(line -> line.matches(" +points +" + brokerName + " +consumer +Orders.orderCreated +OK")))
                .as("points consumed every accepted order's event over %s", brokerName).hasSize(3);
    }
}
