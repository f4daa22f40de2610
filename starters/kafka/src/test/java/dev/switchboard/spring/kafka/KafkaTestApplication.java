package dev.switchboard.spring.kafka;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.PolicyDefaults;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A service on the Kafka starter, configured by properties alone, as an application would be. */
@SpringBootConfiguration
@EnableAutoConfiguration
class KafkaTestApplication {

    static ConfigurableApplicationContext start(String bootstrapServers, String... properties) {
        return new SpringApplicationBuilder(KafkaTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("switchboard.messaging.broker=kafka", "spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "spring.application.name=kafka-starter-test", "spring.main.banner-mode=off")
                .properties(properties)
                .run();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Message message(String body) {
        return new Message(UUID.randomUUID().toString(), "dev.switchboard.test.ping", "KafkaStarterTest", body,
                Instant.now(), "text/plain", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** Subscribes to {@code destination} as {@code group}; what arrives lands in {@code received}. */
    static AutoCloseable subscribe(MessageTransport transport, String destination, String group,
            BlockingQueue<Message> received) {
        return transport.subscribe(new Subscription(destination, Subscription.Mode.PUBLISH_SUBSCRIBE, group,
                (message, delivery) -> received.add(message), PolicyDefaults.RETRY, destination + ".dlq", 1));
    }

    /** Publishes one message and waits until a subscriber got it back. */
    static Message roundTrip(MessageTransport transport, String destination) throws Exception {
        return roundTrip(transport, destination, () -> { });
    }

    /** Publishes one message, waits until a subscriber got it back, then runs {@code whileSubscribed}. */
    static Message roundTrip(MessageTransport transport, String destination, Runnable whileSubscribed) throws Exception {
        BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        try (AutoCloseable subscription = subscribe(transport, destination, unique("group"), received)) {
            Message sent = message("ping " + destination);
            transport.publish(destination, sent).get(30, TimeUnit.SECONDS);
            Message back = received.poll(30, TimeUnit.SECONDS);
            if (back == null || !back.id().equals(sent.id())) {
                throw new AssertionError("the message published to " + destination + " did not come back: " + back);
            }
            whileSubscribed.run();
            return back;
        }
    }
}
