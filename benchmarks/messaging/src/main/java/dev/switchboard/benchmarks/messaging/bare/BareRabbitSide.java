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
 * retries or dead-lettering. With {@code guarantees}, the same plus what a developer adds by hand for
 * Switchboard's delivery guarantees: the AMQP message id and in-memory dedup ({@link SeenIds}), and a
 * queue that dead-letters a rejected message to a dead-letter queue, a failed message rejected. With
 * {@link BareTracing}, spring-amqp's own observations on the template and the container.
 */
public final class BareRabbitSide implements Side {

    private final CachingConnectionFactory connections;
    private final RabbitTemplate template;
    private final SimpleMessageListenerContainer container;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Null without {@code guarantees}. */
    private final SeenIds seen;
    /** Each variant its own exchange and queues, so both can run in one benchmark. */
    private final String exchangeName;

    public BareRabbitSide(String host, int port) {
        this(host, port, false);
    }

    public BareRabbitSide(String host, int port, boolean guarantees) {
        seen = guarantees ? new SeenIds() : null;
        exchangeName = "bench." + (guarantees ? "guarded" : "bare") + ".prices";
        String queueName = exchangeName + ".consumer";
        connections = new CachingConnectionFactory(host, port);
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        RabbitAdmin admin = new RabbitAdmin(connections);
        TopicExchange exchange = new TopicExchange(exchangeName, true, false);
        QueueBuilder queueBuilder = QueueBuilder.durable(queueName);
        if (guarantees) {
            Queue deadLetters = QueueBuilder.durable(queueName + ".dlq").build();
            admin.declareQueue(deadLetters);
            queueBuilder.deadLetterExchange("").deadLetterRoutingKey(deadLetters.getName());
        }
        Queue queue = queueBuilder.build();
        admin.declareExchange(exchange);
        admin.declareQueue(queue);
        admin.purgeQueue(queueName, false);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("#"));
        template = new RabbitTemplate(connections);
        container = new SimpleMessageListenerContainer(connections);
        if (BareTracing.ENABLED) {
            // spring-amqp looks its observation registry up in the application context.
            template.setApplicationContext(BareTracing.context());
            template.setObservationEnabled(true);
            container.setApplicationContext(BareTracing.context());
            container.setObservationEnabled(true);
        }
        container.setQueueNames(queueName);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setConcurrentConsumers(2);
        container.setPrefetchCount(10);
        container.setMessageListener((ChannelAwareMessageListener) (message, channel) -> {
            long tag = message.getMessageProperties().getDeliveryTag();
            String cloudEventId = CloudEventHeaders.ENABLED ? CloudEventHeaders.read("cloudEvents_", each ->
                    message.getMessageProperties().getHeaders().forEach((name, value) ->
                            each.accept(name, String.valueOf(value)))) : null;
            if (seen == null) {
                Deliveries.received(json.readValue(message.getBody(), PriceChanged.class).sentAt());
                channel.basicAck(tag, false);
                return;
            }
            String id = CloudEventHeaders.ENABLED ? cloudEventId : message.getMessageProperties().getMessageId();
            if (seen.first(id)) {
                try {
                    Deliveries.received(json.readValue(message.getBody(), PriceChanged.class).sentAt());
                } catch (RuntimeException failure) {
                    seen.forget(id);
                    channel.basicReject(tag, false);
                    return;
                }
            }
            channel.basicAck(tag, false);
        });
        container.afterPropertiesSet();
        container.start();
    }

    @Override
    public CompletableFuture<?> publish(long sequence, long sentAtNanos) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/json");
        if (CloudEventHeaders.ENABLED) {
            CloudEventHeaders.write("cloudEvents_", sequence, (name, value) -> {
                if (!name.equals("content-type")) {
                    properties.setHeader(name, value);
                }
            });
        } else if (seen != null) {
            properties.setMessageId(java.util.UUID.randomUUID().toString());
        }
        byte[] body = json.writeValueAsBytes(new PriceChanged("sku-" + (sequence % 100), sequence, sentAtNanos));
        CorrelationData correlation = new CorrelationData(Long.toString(sequence));
        template.send(exchangeName, "prices", new org.springframework.amqp.core.Message(body, properties), correlation);
        return correlation.getFuture();
    }

    @Override
    public void close() {
        container.stop();
        connections.destroy();
    }
}
