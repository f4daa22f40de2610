package dev.switchboard.it.queues;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.queues.consumer.RecordingHandlers;
import dev.switchboard.it.queues.orders.OrderPlaced;
import dev.switchboard.it.queues.orders.OrdersEvents;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka that authenticates every client with SASL/PLAIN, reached by the generated publisher and
 * handlers configured with {@code spring.kafka.*} alone: an in-process KRaft broker whose client
 * listener is SASL_PLAINTEXT and knows one user. The right password carries events and commands; a
 * wrong one fails the publish and the consumer's startup with Kafka's authentication error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaSaslTest {

    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule required";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);

    @BeforeAll
    void startBroker() {
        kafka.brokerProperties(Map.of(
                "listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms", "PLAIN",
                "sasl.mechanism.inter.broker.protocol", "PLAIN",
                "listener.name.external.plain.sasl.jaas.config", PLAIN_LOGIN
                        + " username=\"broker\" password=\"broker-secret\""
                        + " user_broker=\"broker-secret\" user_orders=\"orders-secret\";"));
        kafka.afterPropertiesSet();
    }

    @AfterAll
    void stopBroker() {
        kafka.destroy();
    }

    private Map<String, String> clientsWithPassword(String password) {
        Map<String, String> properties = new HashMap<>();
        properties.put("switchboard.messaging.broker", "kafka");
        properties.put("spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
        properties.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
        properties.put("spring.kafka.properties.sasl.mechanism", "PLAIN");
        properties.put("spring.kafka.properties.sasl.jaas.config",
                PLAIN_LOGIN + " username=\"orders\" password=\"" + password + "\";");
        return properties;
    }

    @Test
    void theRightPasswordCarriesEventsAndCommandsToTheHandlers() throws Exception {
        try (Services services = new Services(clientsWithPassword("orders-secret"))) {
            ConfigurableApplicationContext publisher = services.publisher();
            RecordingHandlers inventory = services.consumer("inventory-" + run);

            Services.eventAndCommandReach(publisher, inventory);
        }
    }

    @Test
    void aWrongPasswordFailsThePublishAndTheConsumersStartupWithKafkasAuthenticationError() {
        try (Services services = new Services(clientsWithPassword("not-the-password"))) {
            OrdersEvents events = services.publisher().getBean(OrdersEvents.class);

            assertThatThrownBy(() -> events.orderPlaced(new OrderPlaced("o-" + run, "apple", 1, null)).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("Authentication failed");
            assertThatThrownBy(() -> services.consumer("inventory-" + run))
                    .hasStackTraceContaining("Authentication failed")
                    .hasStackTraceContaining("it.orders.placed");
        }
    }
}
