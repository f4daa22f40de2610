package dev.switchboard.kafka;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.OrderedDelivery;
import dev.switchboard.runtime.messaging.Subscription;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The listener of an ordered subscription's container. Kafka already keeps a key on one partition and
 * a partition on one instance of the group; here the container's consumer thread hands each record,
 * in partition order, to {@link OrderedDelivery}, whose workers run one record per key at a time (keys
 * side by side, {@code concurrency} of them) and retry a failure in place.
 *
 * <p>Records finish out of order across keys, but a committed offset covers everything before it, so
 * each partition's offset moves only over records that all finished: a worker that finishes a record
 * acknowledges the last record of the contiguous finished run (spring-kafka commits it on the consumer
 * thread). No {@code nack}: a seek back would replay the other keys too. When the group takes a
 * partition away, the revocation waits (up to {@link #DRAIN}) for its records in flight and commits
 * them, so the next owner starts after them and never runs a key's message beside or before ours.
 */
final class KafkaOrderedListener extends KafkaHooks<KafkaOrderedListener.Delivery>
        implements AcknowledgingMessageListener<String, byte[]>, ConsumerAwareRebalanceListener, AutoCloseable {

    private static final Logger log = Logger.getLogger(KafkaOrderedListener.class.getName());
    /** How long a revocation waits for the partition's records in flight. */
    static final Duration DRAIN = Duration.ofSeconds(20);

    /** One record, the container's handle to commit it, and the partition's progress it counts in. */
    record Delivery(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment, Progress progress)
            implements Received {}

    private final OrderedDelivery<Delivery> delivery;
    private final Map<TopicPartition, Progress> partitions = new ConcurrentHashMap<>();

    /**
     * @param transport publishes the dead letters
     * @param capacity  records queued and in flight at most; beyond it the consumer thread waits, so a
     *                  key retrying for long holds back its partition's fetching, never its memory
     */
    KafkaOrderedListener(Subscription subscription, MessageTransport transport, int capacity) {
        super(transport);
        this.delivery = new OrderedDelivery<>("switchboard-kafka-ordered-" + subscription.destination(),
                subscription, this, capacity).start();
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Progress progress = partitions.computeIfAbsent(partition, p -> new Progress());
        Delivery received = new Delivery(record, acknowledgment, progress);
        progress.started(received);
        try {
            delivery.submit(received);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.abandon(received);
        }
    }

    /** Runs on the consumer thread before the container commits: lets the partitions' records finish. */
    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        long giveUp = System.nanoTime() + DRAIN.toNanos();
        Map<TopicPartition, OffsetAndMetadata> finished = new HashMap<>();
        for (TopicPartition partition : revoked) {
            Progress progress = partitions.remove(partition);
            if (progress == null) {
                continue;
            }
            long next = progress.awaitFinished(giveUp);
            if (next >= 0) {
                finished.put(partition, new OffsetAndMetadata(next));
            }
        }
        if (!finished.isEmpty()) {
            commit(consumer, finished);
        }
    }

    /** A worker's acknowledgement may have woken the consumer up; the commit is tried again once. */
    private static void commit(Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            try {
                consumer.commitSync(offsets);
            } catch (WakeupException woken) {
                consumer.commitSync(offsets);
            }
        } catch (RuntimeException e) {
            log.log(Level.WARNING, e, () -> "could not commit " + offsets + " on revocation; the next owner may "
                    + "handle those records again");
        }
    }

    /** Retries are counted by the loop, in place; every record starts at the first attempt. */
    @Override
    public int attempt(Delivery received) {
        return 1;
    }

    @Override
    public void acknowledge(Delivery received) {
        Delivery last = received.progress().finished(received);
        if (last != null) {
            last.acknowledgment().acknowledge();
        }
    }

    /** Never asked for: an ordered subscription retries in place. */
    @Override
    public void retryLater(Delivery received, Message message, int attempt, Duration delay) {
        redeliverLater(received, delay);
    }

    /**
     * Only when shutting down mid-retry: the record is left uncommitted, and so is everything after it
     * on its partition, which the next owner reads again.
     */
    @Override
    public void redeliverLater(Delivery received, Duration delay) {
        received.progress().abandon(received);
    }

    @Override
    public void close() {
        delivery.close();
    }

    /** The records of one partition handed to the workers, in offset order, and which of them finished. */
    static final class Progress {
        private final ArrayDeque<Delivery> inFlight = new ArrayDeque<>();
        private final Set<Long> finished = new HashSet<>();
        private long committable = -1;
        private boolean abandoned;

        synchronized void started(Delivery received) {
            inFlight.addLast(received);
        }

        /**
         * Marks a record finished; returns the last record of the finished run at the head, whose
         * commit covers the run, or null when an earlier record is still running.
         */
        synchronized Delivery finished(Delivery received) {
            finished.add(received.record().offset());
            Delivery last = null;
            while (!abandoned && !inFlight.isEmpty() && finished.remove(inFlight.peekFirst().record().offset())) {
                last = inFlight.pollFirst();
            }
            if (last != null) {
                committable = last.record().offset() + 1;
            }
            notifyAll();
            return last;
        }

        /** A record left unfinished: nothing after it on the partition may be committed. */
        synchronized void abandon(Delivery received) {
            abandoned = true;
            notifyAll();
        }

        /** Waits until every record handed out finished (or {@code giveUp}); the offset to commit, or -1. */
        synchronized long awaitFinished(long giveUp) {
            while (!inFlight.isEmpty() && !abandoned) {
                long left = giveUp - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return committable;
        }
    }
}
