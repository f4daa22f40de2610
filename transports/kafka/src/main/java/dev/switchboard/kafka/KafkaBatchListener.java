package dev.switchboard.kafka;

import dev.switchboard.runtime.messaging.DeliveryLoop;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The listener of a batch subscription's container: one poll's records (up to the batch's max, by
 * {@code max.poll.records}) are one batch through {@link DeliveryLoop#deliverAll}. Kafka settles a
 * batch by position, not record by record, so the hooks only note each record's fate and the batch
 * settles once, after the loop: every record acknowledged or dead-lettered, one commit of the whole
 * poll; a record to be delivered again, {@link Acknowledgment#nack(int, Duration)} at the first such
 * record, which commits the records before it and has the container seek back and pause for the
 * backoff. The records after it come again too; the consumer's idempotency drops the ones already done.
 *
 * <p>Kafka counts no deliveries: {@link KafkaAttempts} remembers the attempt of the record the batch
 * goes back to.
 */
final class KafkaBatchListener extends KafkaHooks<KafkaBatchListener.Delivery>
        implements BatchAcknowledgingMessageListener<String, byte[]> {

    /** One record of a batch, its position in the poll, and the batch's settlement it reports to. */
    record Delivery(ConsumerRecord<String, byte[]> record, int index, Settlement settlement) implements Received {}

    /** Where one poll's batch goes back to, if anywhere: the first record asked for again, the attempt, the wait. */
    static final class Settlement {
        private int againFrom = -1;
        private int againAttempt;
        private Duration againAfter = Duration.ZERO;

        synchronized void again(int index, int attempt, Duration delay) {
            if (againFrom < 0 || index < againFrom) {
                againFrom = index;
                againAttempt = attempt;
            }
            if (delay.compareTo(againAfter) > 0) {
                againAfter = delay;
            }
        }
    }

    private final DeliveryLoop<Delivery> loop;
    private final KafkaAttempts attempts = new KafkaAttempts();

    /** @param transport publishes the dead letters */
    KafkaBatchListener(Subscription subscription, MessageTransport transport) {
        super(transport);
        this.loop = new DeliveryLoop<>(subscription, this);
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
        Settlement settlement = new Settlement();
        List<Delivery> batch = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            batch.add(new Delivery(records.get(i), i, settlement));
        }
        loop.deliverAll(batch);
        if (settlement.againFrom < 0) {
            batch.forEach(attempts::settled);
            acknowledgment.acknowledge();
            return;
        }
        attempts.again(batch.get(settlement.againFrom), settlement.againAttempt);
        acknowledgment.nack(settlement.againFrom, settlement.againAfter);
    }

    @Override
    public int attempt(Delivery received) {
        return attempts.of(received);
    }

    /** Settled with the whole poll, after the loop. */
    @Override
    public void acknowledge(Delivery received) {
    }

    @Override
    public void retryLater(Delivery received, Message message, int attempt, Duration delay) {
        received.settlement().again(received.index(), attempt + 1, delay);
    }

    @Override
    public void redeliverLater(Delivery received, Duration delay) {
        received.settlement().again(received.index(), attempt(received), delay);
    }

}
