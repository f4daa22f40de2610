package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Attempts the broker never confirms fail after their timeout; confirmed ones are left alone and forgotten. */
class ConfirmTimeoutsTest {

    private final ExecutorService completions = Executors.newCachedThreadPool();
    private final ConfirmTimeouts timeouts = new ConfirmTimeouts("test-timeouts", completions);

    @AfterEach
    void close() {
        timeouts.close();
        completions.shutdownNow();
    }

    @Test
    void anUnconfirmedAttemptFailsWithATimeoutOnceItsTimeoutPassed() throws Exception {
        CompletableFuture<Void> attempt = new CompletableFuture<>();
        long start = System.nanoTime();

        timeouts.within(attempt, Duration.ofMillis(60));

        assertThatThrownBy(() -> attempt.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        forgottenWithin(Duration.ofSeconds(5));
    }

    @Test
    void aConfirmedAttemptKeepsItsResultAndIsForgotten() throws Exception {
        CompletableFuture<String> attempt = new CompletableFuture<>();
        timeouts.within(attempt, Duration.ofMillis(50));

        attempt.complete("confirmed");

        forgottenWithin(Duration.ofSeconds(5));
        Thread.sleep(100);
        assertThat(attempt.get()).isEqualTo("confirmed");
    }

    @Test
    void eachTimeoutExpiresOnItsOwnWhateverWasSentBefore() throws Exception {
        CompletableFuture<Void> slow = new CompletableFuture<>();
        CompletableFuture<Void> quick = new CompletableFuture<>();
        timeouts.within(slow, Duration.ofSeconds(30));

        timeouts.within(quick, Duration.ofMillis(30));

        assertThatThrownBy(() -> quick.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        assertThat(slow).isNotDone();
        slow.complete(null);
    }

    @Test
    void anAttemptAfterAnIdleSpellStillTimesOut() throws Exception {
        CompletableFuture<Void> first = new CompletableFuture<>();
        timeouts.within(first, Duration.ofMillis(20));
        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        forgottenWithin(Duration.ofSeconds(5));
        Thread.sleep(100);

        CompletableFuture<Void> later = new CompletableFuture<>();
        timeouts.within(later, Duration.ofMillis(20));

        assertThatThrownBy(() -> later.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
    }

    private void forgottenWithin(Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (timeouts.waiting() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(timeouts.waiting()).isZero();
    }

    @Test
    void aCallbackBlockedOnAnExpiredAttemptDoesNotHoldUpTheNextTimeout() throws Exception {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocked = first.handle((done, failure) -> {
            await(release);
            return null;
        });
        timeouts.within(first, Duration.ofMillis(20));
        CompletableFuture<Void> second = new CompletableFuture<>();

        timeouts.within(second, Duration.ofMillis(100));

        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        assertThat(blocked).isNotDone();
        release.countDown();
        blocked.get(5, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aConfirmedAttemptIsNotTracked() {
        timeouts.within(CompletableFuture.completedFuture(null), Duration.ofMillis(20));

        assertThat(timeouts.waiting()).isZero();
    }
}
