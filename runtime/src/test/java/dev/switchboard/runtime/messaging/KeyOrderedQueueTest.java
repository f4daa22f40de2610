package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One item of a key out at a time, in arrival order; other keys and keyless items never wait for it. */
class KeyOrderedQueueTest {

    private static final Duration NO_WAIT = Duration.ZERO;

    @Test
    void theNextItemOfAKeyIsReadyOnlyWhenTheOneBeforeIsDone() throws Exception {
        KeyOrderedQueue<String> queue = new KeyOrderedQueue<>(10);
        queue.put("a", "a1");
        queue.put("a", "a2");
        queue.put("b", "b1");
        queue.put(null, "x");

        KeyOrderedQueue.Entry<String> a1 = queue.take(NO_WAIT);
        assertThat(a1.item()).isEqualTo("a1");
        assertThat(queue.take(NO_WAIT).item()).as("b does not wait for a").isEqualTo("b1");
        assertThat(queue.take(NO_WAIT).item()).as("keyless items are never held").isEqualTo("x");
        assertThat(queue.take(NO_WAIT)).as("a2 waits while a1 is out").isNull();

        queue.done(a1);

        KeyOrderedQueue.Entry<String> a2 = queue.take(NO_WAIT);
        assertThat(a2.item()).isEqualTo("a2");
        queue.done(a2);
        assertThat(queue.size()).as("b1 and x are still out").isEqualTo(2);
    }

    @Test
    void aKeyWhoseItemsAreAllDoneTakesTheNextItemAtOnce() throws Exception {
        KeyOrderedQueue<String> queue = new KeyOrderedQueue<>(10);
        queue.put("a", "a1");
        queue.done(queue.take(NO_WAIT));
        queue.put("a", "a2");

        assertThat(queue.take(NO_WAIT).item()).isEqualTo("a2");
    }

    @Test
    void putWaitsWhileTheQueueIsFull() throws Exception {
        KeyOrderedQueue<String> queue = new KeyOrderedQueue<>(1);
        queue.put("a", "a1");

        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                queue.put("b", "b1");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        KeyOrderedQueue.Entry<String> a1 = queue.take(NO_WAIT);
        assertThat(second).as("full while a1 is out").isNotDone();

        queue.done(a1);

        second.get(5, TimeUnit.SECONDS);
        assertThat(queue.take(Duration.ofSeconds(5)).item()).isEqualTo("b1");
    }
}
