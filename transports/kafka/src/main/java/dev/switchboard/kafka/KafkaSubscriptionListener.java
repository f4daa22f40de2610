package dev.switchboard.kafka;

import dev.switchboard.runtime.messaging.DeliveryLoop;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The listener of one subscription's container ({@code AckMode.MANUAL}): every record goes through the
 * {@link DeliveryLoop}, with the container's acknowledgement as its hooks. Success and dead-lettering
 * acknowledge the record; the container commits the acknowledged offsets once per poll's records, one
 * commit instead of one per record. A retry is {@link Acknowledgment#nack(Duration)} (which first
 * commits what was acknowledged before it):
 * spring-kafka seeks the partition back to the record and pauses the consumer for the backoff while
 * it keeps polling, so the record and everything behind it on its partition come again in order and
 * the consumer stays in its group however long the wait. That is the library's own retry mechanism
 * and the only one: no {@code DefaultErrorHandler} retries (it would count attempts and choose
 * backoffs itself, a second decision beside the loop's), no retry topics (they give up the
 * partition's order).
 *
 * <p>Kafka counts no deliveries: {@link KafkaAttempts} remembers the attempt of a record being retried.
 */
final class KafkaSubscriptionListener extends KafkaHooks<KafkaSubscriptionListener.Delivery>
        implements AcknowledgingMessageListener<String, byte[]> {

    /**
     * The container's poll timeout. A nack's pause ends at the first poll after the backoff, and a poll
     * on paused partitions waits its whole timeout, so this bounds how late a retry comes (spring-kafka's
     * default of 5 s would turn a 100 ms backoff into seconds). Idle polls stay cheap: the fetch in
     * flight is not cancelled by a poll returning.
     */
    static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    /** One record and the container's handle to commit or nack it. */
    record Delivery(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) implements Received {}

    private final DeliveryLoop<Delivery> loop;
    private final KafkaAttempts attempts = new KafkaAttempts();

    /** @param transport publishes the dead letters */
    KafkaSubscriptionListener(Subscription subscription, MessageTransport transport) {
        super(transport);
        this.loop = new DeliveryLoop<>(subscription, this);
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
        loop.deliver(new Delivery(record, acknowledgment));
    }

    @Override
    public int attempt(Delivery received) {
        return attempts.of(received);
    }

    @Override
    public void acknowledge(Delivery received) {
        attempts.settled(received);
        received.acknowledgment().acknowledge();
    }

    @Override
    public void retryLater(Delivery received, Message message, int attempt, Duration delay) {
        again(received, attempt + 1, delay);
    }

    @Override
    public void redeliverLater(Delivery received, Duration delay) {
        again(received, attempt(received), delay);
    }

    private void again(Delivery received, int attempt, Duration delay) {
        attempts.again(received, attempt);
        received.acknowledgment().nack(delay);
    }
}
