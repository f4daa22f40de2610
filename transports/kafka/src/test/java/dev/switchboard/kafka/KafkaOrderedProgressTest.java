package dev.switchboard.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A partition's offset moves only over records that all finished, whatever order they finish in. */
class KafkaOrderedProgressTest {

    private final KafkaOrderedListener.Progress progress = new KafkaOrderedListener.Progress();

    private KafkaOrderedListener.Delivery started(long offset) {
        KafkaOrderedListener.Delivery delivery = new KafkaOrderedListener.Delivery(
                new ConsumerRecord<>("orders", 0, offset, "k" + offset, new byte[0]), null, progress);
        progress.started(delivery);
        return delivery;
    }

    @Test
    void aRecordFinishedBeforeAnEarlierOneIsCommittedWithIt() {
        KafkaOrderedListener.Delivery first = started(10);
        KafkaOrderedListener.Delivery second = started(11);
        KafkaOrderedListener.Delivery third = started(12);

        assertThat(progress.finished(second)).as("10 still runs").isNull();
        assertThat(progress.finished(first)).as("10 and 11 finished: commit up to 11").isSameAs(second);
        assertThat(progress.finished(third)).isSameAs(third);
        assertThat(progress.awaitFinished(System.nanoTime())).isEqualTo(13);
    }

    @Test
    void anAbandonedRecordHoldsTheOffsetBeforeIt() {
        KafkaOrderedListener.Delivery first = started(10);
        KafkaOrderedListener.Delivery second = started(11);
        progress.finished(first);

        progress.abandon(second);

        assertThat(progress.awaitFinished(System.nanoTime() + 1_000_000_000L)).as("no wait once abandoned")
                .isEqualTo(11);
    }
}
