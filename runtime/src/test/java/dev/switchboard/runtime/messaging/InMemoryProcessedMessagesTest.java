package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Once per group and id, a running id guarded against its duplicates, the finished ones bounded. */
class InMemoryProcessedMessagesTest {

    private final InMemoryProcessedMessages processed = new InMemoryProcessedMessages(3);
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aFinishedMessageIsNotRunAgainInItsGroupButIsInAnother() throws Exception {
        assertThat(processed.processOnce("points", "m-1", runs::incrementAndGet)).isTrue();

        assertThat(processed.processOnce("points", "m-1", runs::incrementAndGet)).isFalse();
        assertThat(processed.processOnce("inventory", "m-1", runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void groupAndIdAreNotConfusedWhateverTheyContain() throws Exception {
        processed.processOnce("a", "b:c", runs::incrementAndGet);

        assertThat(processed.processOnce("a:b", "c", runs::incrementAndGet)).isTrue();
    }

    @Test
    void aFailedMessageIsNotRecordedAndRunsAgain() throws Exception {
        assertThatThrownBy(() -> processed.processOnce("points", "m-1", () -> {
            throw new IllegalStateException("down");
        })).hasMessage("down");

        assertThat(processed.processOnce("points", "m-1", runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aDuplicateOfARunningMessageIsToldItIsInFlight() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = other.submit(() -> processed.processOnce("points", "m-1", () -> {
                running.countDown();
                release.await();
            }));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> processed.processOnce("points", "m-1", runs::incrementAndGet))
                    .isInstanceOf(MessageInFlightException.class);
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(processed.processOnce("points", "m-1", runs::incrementAndGet)).isFalse();
            assertThat(runs).hasValue(0);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void theOldestFinishedIdIsForgottenBeyondTheBound() throws Exception {
        for (String id : List.of("m-1", "m-2", "m-3", "m-4")) {
            processed.processOnce("points", id, runs::incrementAndGet);
        }

        assertThat(processed.processOnce("points", "m-4", runs::incrementAndGet)).isFalse();
        assertThat(processed.processOnce("points", "m-2", runs::incrementAndGet)).isFalse();
        assertThat(processed.processOnce("points", "m-1", runs::incrementAndGet)).as("evicted").isTrue();
    }

    @Test
    void aBatchRunsOnTheIdsNotFinishedEachOnceAndRecordsThemTogether() throws Exception {
        processed.processOnce("points", "m-1", runs::incrementAndGet);
        List<List<String>> ran = new ArrayList<>();

        List<String> fresh = processed.processAllOnce("points", List.of("m-1", "m-2", "m-2", "m-3"), ran::add);

        assertThat(fresh).containsExactly("m-2", "m-3");
        assertThat(ran).containsExactly(List.of("m-2", "m-3"));
        assertThat(processed.processAllOnce("points", List.of("m-2", "m-3"), ran::add)).isEmpty();
        assertThat(ran).hasSize(1);
    }

    @Test
    void aFailedBatchRecordsNoneOfItsIds() throws Exception {
        assertThatThrownBy(() -> processed.processAllOnce("points", List.of("m-1", "m-2"), ids -> {
            throw new IllegalStateException("down");
        })).hasMessage("down");

        assertThat(processed.processAllOnce("points", List.of("m-1", "m-2"), ids -> {})).containsExactly("m-1", "m-2");
    }

    @Test
    void aBatchWithAnIdRunningElsewhereClaimsNoneOfItsIds() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> elsewhere = other.submit(() -> processed.processOnce("points", "m-2", () -> {
                running.countDown();
                release.await();
            }));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> processed.processAllOnce("points", List.of("m-1", "m-2", "m-3"), ids -> {}))
                    .isInstanceOf(MessageInFlightException.class);

            assertThat(processed.processOnce("points", "m-1", runs::incrementAndGet)).as("released").isTrue();
            release.countDown();
            elsewhere.get(5, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void manyThreadsRunEachIdOnce() throws Exception {
        InMemoryProcessedMessages large = new InMemoryProcessedMessages(100_000);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        AtomicInteger ran = new AtomicInteger();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                all.add(threads.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        try {
                            large.processOnce("points", "m-" + i, ran::incrementAndGet);
                        } catch (MessageInFlightException inFlight) {
                            // another thread runs it
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : all) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(ran).hasValue(5_000);
    }
}
