package dev.switchboard.benchmarks.messaging.bare;

import dev.switchboard.benchmarks.messaging.Deliveries;
import dev.switchboard.benchmarks.messaging.Side;
import dev.switchboard.benchmarks.messaging.prices.PriceChanged;
import java.util.concurrent.CompletableFuture;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: what a developer writes with spring-amqp alone for the same flow — a topic
 * exchange and a durable queue, a listener container with two consumers and manual acks, JSON
 * payloads, correlated publisher confirms — without CloudEvent headers, observation, idempotency,
 * retries or dead-lettering.
 */
public final class BareRabbitSide implements Side {

    private static final String EXCHANGE = "bench.bare.prices";
    private static final String QUEUE = "bench.bare.prices.consumer";

    private final CachingConnectionFactory connections;
    private final RabbitTemplate template;
    private final SimpleMessageListenerContainer container;
    private final JsonMapper json = JsonMapper.builder().build();

    public BareRabbitSide(String host, int port) {
        connections = new CachingConnectionFactory(host, port);
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        RabbitAdmin admin = new RabbitAdmin(connections);
        TopicExchange exchange = new TopicExchange(EXCHANGE, true, false);
        Queue queue = QueueBuilder.durable(QUEUE).build();
        admin.declareExchange(exchange);
        admin.declareQueue(queue);
        admin.purgeQueue(QUEUE, false);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("#"));
        template = new RabbitTemplate(connections);
        container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(QUEUE);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setConcurrentConsumers(2);
        container.setPrefetchCount(10);
        container.setMessageListener((ChannelAwareMessageListener) (message, channel) -> {
            Deliveries.received(json.readValue(message.getBody(), PriceChanged.class).sentAt());
            channel.basicAck(message.getMessageProperties().getDeliveryTag(), false);
        });
        container.afterPropertiesSet();
        container.start();
    }

    @Override
    public CompletableFuture<?> publish(long sequence, long sentAtNanos) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/json");
        byte[] body = json.writeValueAsBytes(new PriceChanged("sku-" + (sequence % 100), sequence, sentAtNanos));
        CorrelationData correlation = new CorrelationData(Long.toString(sequence));
        template.send(EXCHANGE, "prices", new org.springframework.amqp.core.Message(body, properties), correlation);
        return correlation.getFuture();
    }

    @Override
    public void close() {
        container.stop();
        connections.destroy();
    }
}
