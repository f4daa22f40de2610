package dev.switchboard.it.queues;

import java.util.List;
import java.util.Map;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/** RabbitMQ on 127.0.0.1:5672 (guest/guest), the real server (started by .ci/services.sh when down); never skipped. */
class RabbitBrokerTest extends QueueScenarios {

    private static final String STEPS_TOPIC = "it.orders.stepped";

    @Override
    Map<String, String> broker() {
        return Map.of("switchboard.messaging.broker", "rabbitmq", "spring.rabbitmq.host", "127.0.0.1",
                "spring.rabbitmq.port", "5672");
    }

    /** Fails at once when RabbitMQ is unreachable. */
    @Override
    void prepareBroker() {
        withAdmin(admin -> admin.getQueueInfo(EVENTS + ".dlq"));
    }

    @Override
    void cleanBroker(List<String> groups) {
        withAdmin(admin -> {
            for (String group : groups) {
                for (String destination : List.of(EVENTS, EVENTS + ".dlq", COMMANDS + ".dlq", AUDITS,
                        AUDITS + ".dlq")) {
                    admin.deleteQueue(destination + "." + group);
                    admin.deleteQueue(destination + "." + group + ".retry");
                }
                for (int shard = 0; shard < 4; shard++) {
                    admin.deleteQueue(STEPS_TOPIC + "." + group + ".shard-" + shard);
                }
            }
            admin.purgeQueue(EVENTS + ".dlq", false);
            admin.purgeQueue(COMMANDS + ".dlq", false);
            admin.purgeQueue(AUDITS + ".dlq", false);
            return null;
        });
    }

    private static void withAdmin(java.util.function.Function<RabbitAdmin, Object> work) {
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
        try {
            connections.createConnection().close();
            work.apply(new RabbitAdmin(connections));
        } finally {
            connections.destroy();
        }
    }
}
