package dev.switchboard.it.queues;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.queues.consumer.RecordingHandlers;
import dev.switchboard.it.queues.orders.OrderPlaced;
import dev.switchboard.it.queues.orders.OrdersEvents;
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

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);

    @BeforeAll
    void startBroker() {
        kafka.brokerProperties(SaslPlain.broker("SASL_PLAINTEXT"));
        kafka.afterPropertiesSet();
    }

    @AfterAll
    void stopBroker() {
        kafka.destroy();
    }

    private Map<String, String> clientsWithPassword(String password) {
        return SaslPlain.client(kafka.getBrokersAsString(), "SASL_PLAINTEXT", password);
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
