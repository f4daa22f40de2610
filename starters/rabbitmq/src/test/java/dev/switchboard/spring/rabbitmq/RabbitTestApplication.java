package dev.switchboard.spring.rabbitmq;

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
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A service on the RabbitMQ starter, configured by {@code spring.rabbitmq.*} alone, as an application would be. */
@SpringBootConfiguration
@EnableAutoConfiguration
class RabbitTestApplication {

    static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(RabbitTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("switchboard.messaging.broker=rabbitmq", "spring.application.name=rabbit-starter-test",
                        "spring.main.banner-mode=off")
                .properties(properties)
                .run();
    }

    /**
     * Subscribes a group of its own to a destination of its own, publishes one message and waits for
     * it; then removes what the round trip declared on the shared broker.
     */
    static void roundTrip(ConfigurableApplicationContext context) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String destination = "starter.rabbit." + run;
        MessageTransport transport = context.getBean(MessageTransport.class);
        BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        try (AutoCloseable subscription = transport.subscribe(new Subscription(destination,
                Subscription.Mode.PUBLISH_SUBSCRIBE, "starter", (message, delivery) -> received.add(message),
                PolicyDefaults.RETRY, destination + ".dlq", 1))) {
            Message sent = new Message(run, "dev.switchboard.test.ping", "RabbitStarterTest", run, Instant.now(),
                    "text/plain", Map.of(), run.getBytes(StandardCharsets.UTF_8));
            transport.publish(destination, sent).get(30, TimeUnit.SECONDS);
            Message back = received.poll(30, TimeUnit.SECONDS);
            if (back == null || !back.id().equals(run)) {
                throw new AssertionError("the message published to " + destination + " did not come back: " + back);
            }
        } finally {
            AmqpAdmin admin = context.getBean(AmqpAdmin.class);
            for (String queue : new String[] {destination + ".starter", destination + ".starter.retry", destination + ".dlq"}) {
                admin.deleteQueue(queue);
            }
            admin.deleteExchange(destination);
            admin.deleteExchange(destination + ".dlq");
        }
    }
}
