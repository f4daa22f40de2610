package dev.switchboard.it.queues;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.queues.consumer.RecordingHandlers;
import dev.switchboard.it.queues.orders.OrderPlaced;
import dev.switchboard.it.queues.orders.OrdersEvents;
import dev.switchboard.it.support.TestCertificate;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka over TLS with SASL (SASL_SSL), its certificate trusted through a Spring SSL bundle:
 * {@code spring.kafka.ssl.bundle} reaches Switchboard's producer, consumers and admin because they are
 * Boot's own Kafka clients ({@code KafkaProperties.build*Properties()} alone would drop the bundle).
 * An in-process KRaft broker whose client listener is SASL_SSL with a certificate made for the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaSslBundleTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
    private TestCertificate certificate;

    @BeforeAll
    void startBroker(@TempDir Path certificates) throws Exception {
        certificate = TestCertificate.selfSigned(certificates, "kafka");
        Map<String, String> broker = SaslPlain.broker("SASL_SSL");
        broker.put("listener.name.external.ssl.keystore.type", "PKCS12");
        broker.put("listener.name.external.ssl.keystore.location", certificate.keyStore().toString());
        broker.put("listener.name.external.ssl.keystore.password", TestCertificate.PASSWORD);
        broker.put("listener.name.external.ssl.key.password", TestCertificate.PASSWORD);
        // The broker's own client on the same listener trusts the same certificate.
        broker.put("listener.name.external.ssl.truststore.type", "PKCS12");
        broker.put("listener.name.external.ssl.truststore.location", certificate.keyStore().toString());
        broker.put("listener.name.external.ssl.truststore.password", TestCertificate.PASSWORD);
        kafka.brokerProperties(broker);
        kafka.afterPropertiesSet();
    }

    @AfterAll
    void stopBroker() {
        kafka.destroy();
    }

    private Map<String, String> clients() {
        return SaslPlain.client(kafka.getBrokersAsString(), "SASL_SSL", "orders-secret");
    }

    @Test
    void theSslBundleCarriesEventsAndCommandsOverTls() throws Exception {
        Map<String, String> properties = clients();
        properties.putAll(certificate.trustingBundle("kafka"));
        properties.put("spring.kafka.ssl.bundle", "kafka");
        try (Services services = new Services(properties)) {
            ConfigurableApplicationContext publisher = services.publisher();
            RecordingHandlers inventory = services.consumer("inventory-" + run);

            Services.eventAndCommandReach(publisher, inventory);
        }
    }

    @Test
    void withoutTheBundleTheJvmsTrustRefusesTheBroker() {
        Map<String, String> properties = clients();
        properties.put("spring.kafka.producer.properties.max.block.ms", "5000");
        try (Services services = new Services(properties)) {
            OrdersEvents events = services.publisher().getBean(OrdersEvents.class);

            assertThatThrownBy(() -> events.orderPlaced(new OrderPlaced("o-" + run, "apple", 1, null)).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasStackTraceContaining("SSL handshake failed");
        }
    }
}
