package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Callbacks on a publish run on Switchboard's thread, which may wait for another publish. */
class PublishCompletionsTest {

    private final PublishCompletions completions = new PublishCompletions("test-acks");

    @AfterEach
    void close() {
        completions.close();
    }

    @Test
    void whatIsChainedRunsOffTheThreadThatCompletedTheFuture() throws Exception {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        CompletableFuture<String> chained = completions.handOff(confirmed)
                .thenApply(done -> Thread.currentThread().getName());

        confirmed.complete(null);

        assertThat(chained.get(5, TimeUnit.SECONDS)).startsWith("test-acks-");
    }

    @Test
    void aCallbackWaitingForAnotherPublishSeesItComplete() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<String> chained = completions.handOff(first)
                .thenApply(one -> one + completions.handOff(second).join());

        first.complete("first, ");
        Thread.sleep(100);
        second.complete("second");

        assertThat(chained.get(5, TimeUnit.SECONDS)).isEqualTo("first, second");
    }

    @Test
    void aFutureDoneAlreadyIsReturnedAsItIs() {
        CompletableFuture<String> done = CompletableFuture.completedFuture("confirmed");

        assertThat(completions.handOff(done)).isSameAs(done);
    }
}
