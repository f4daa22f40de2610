package dev.switchboard.samples.flow;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The broker the three services share, chosen by name: the in-JVM one, Kafka (a real in-process
 * KRaft broker unless {@code spring.kafka.bootstrap-servers} names one), or the local RabbitMQ or
 * NATS server.
 */
public final class Broker implements AutoCloseable {

    private final String name;
    private final Map<String, String> properties;
    private final EmbeddedKafkaKraftBroker kafka;

    private Broker(String name, Map<String, String> properties, EmbeddedKafkaKraftBroker kafka) {
        this.name = name;
        this.properties = properties;
        this.kafka = kafka;
    }

    public static Broker start(String name) {
        return switch (name) {
            case "embedded" -> new Broker(name, Map.of("switchboard.messaging.broker", "embedded"), null);
            case "nats" -> new Broker(name, Map.of("switchboard.messaging.broker", "nats",
                    "switchboard.messaging.nats.url", System.getProperty("nats.url", "nats://127.0.0.1:4222")), null);
            case "rabbitmq" -> new Broker(name, Map.of("switchboard.messaging.broker", "rabbitmq",
                    "spring.rabbitmq.host", System.getProperty("rabbitmq.host", "127.0.0.1")), null);
            case "kafka" -> kafka();
            default -> throw new IllegalArgumentException(
                    "unknown broker '" + name + "': use embedded, kafka, rabbitmq or nats");
        };
    }

    private static Broker kafka() {
        String servers = System.getProperty("spring.kafka.bootstrap-servers");
        EmbeddedKafkaKraftBroker kafka = null;
        if (servers == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 3);
            kafka.afterPropertiesSet();
            servers = kafka.getBrokersAsString();
        }
        return new Broker("kafka", Map.of("switchboard.messaging.broker", "kafka", "spring.kafka.bootstrap-servers", servers),
                kafka);
    }

    public String name() {
        return name;
    }

    /** What each service is started with to use this broker. */
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.destroy();
        }
    }
}
