package dev.switchboard.samples.flow;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The broker the three services share, chosen by name: the in-JVM one, Kafka (a real in-process
 * KRaft broker unless {@code spring.kafka.bootstrap-servers} names one), or the local RabbitMQ or
 * NATS server. On a server that outlives the run, what earlier runs of the sample left (streams,
 * queues, unfinished deliveries) is removed first, so every run tells the same story.
 */
public final class Broker implements AutoCloseable {

    /** Where the order service publishes {@code orderCreated}. */
    private static final String DESTINATION = "shop.orders.created";

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
            case "nats" -> nats(System.getProperty("nats.url", "nats://127.0.0.1:4222"));
            case "rabbitmq" -> rabbitmq(System.getProperty("rabbitmq.host", "127.0.0.1"));
            case "kafka" -> kafka();
            default -> throw new IllegalArgumentException(
                    "unknown broker '" + name + "': use embedded, kafka, rabbitmq or nats");
        };
    }

    private static Broker nats(String url) {
        try (Connection connection = Nats.connect(new Options.Builder().server(url)
                .connectionTimeout(Duration.ofSeconds(5)).maxReconnects(0).build())) {
            JetStreamManagement streams = connection.jetStreamManagement();
            for (String stream : streams.getStreamNames()) {
                if (stream.startsWith("switchboard_" + DESTINATION.replace('.', '_'))) {
                    streams.deleteStream(stream);
                }
            }
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("NATS at " + url + " cannot be prepared: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Broker("nats", Map.of("switchboard.messaging.broker", "nats", "switchboard.messaging.nats.url", url), null);
    }

    private static Broker rabbitmq(String host) {
        CachingConnectionFactory connections = new CachingConnectionFactory(host, 5672);
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            for (String group : List.of("inventory", "points")) {
                admin.deleteQueue(DESTINATION + "." + group);
                admin.deleteQueue(DESTINATION + "." + group + ".retry");
            }
            admin.deleteQueue(DESTINATION + ".dlq");
        } finally {
            connections.destroy();
        }
        return new Broker("rabbitmq", Map.of("switchboard.messaging.broker", "rabbitmq", "spring.rabbitmq.host", host), null);
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
