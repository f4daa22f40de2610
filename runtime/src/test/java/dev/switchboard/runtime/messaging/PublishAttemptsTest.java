package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RetrySettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PublishAttemptsTest {

    private static final Message MESSAGE = new Message("id-1", "t", "s", "k", Instant.now(), "application/json",
            Map.of(), new byte[] {1});

    private static final MessageDescriptor ORDER_PLACED = new MessageDescriptor("Orders", "orderPlaced",
            MessageDescriptor.Kind.EVENT, "orders.orderPlaced", "orders", "orders.dlq", RetrySettings.NONE,
            new NoCodec());

    private static final PolicySettings POLICY = PolicySettings.NONE
            .withTimeout(Duration.ofMillis(200))
            .withRetry(RetrySettings.NONE.withAttempts(3).withBackoff(Duration.ofMillis(5))
                    .withMaxBackoff(Duration.ofMillis(20)))
            .withDefaults();

    @Test
    void aTransientFailureIsRetriedWithTheSameCloudEvent() throws Exception {
        ScriptedTransport transport = new ScriptedTransport(attempt -> attempt < 3
                ? CompletableFuture.failedFuture(new IOException("connection reset"))
                : CompletableFuture.completedFuture(null));

        publish(transport, POLICY, null).get(5, TimeUnit.SECONDS);

        assertThat(transport.sent).extracting(Message::id).containsExactly("id-1", "id-1", "id-1");
    }

    @Test
    void aBrokerThatKeepsFailingIsUnavailableAfterTheLastAttempt() {
        ScriptedTransport transport = new ScriptedTransport(
                attempt -> CompletableFuture.failedFuture(new IOException("connection refused")));

        CompletableFuture<Void> published = publish(transport, POLICY, null);

        assertThat(failure(published).code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(failure(published)).hasMessageContaining("after 3 attempts").hasRootCauseMessage("connection refused");
        assertThat(transport.sent).hasSize(3);
    }

    @Test
    void aTransportThatThrowsIsRetriedLikeOneThatFailsItsFuture() {
        ScriptedTransport transport = new ScriptedTransport(attempt -> {
            throw new IllegalStateException("no connection");
        });

        CompletableFuture<Void> published = publish(transport, POLICY, null);

        assertThat(failure(published).code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(transport.sent).hasSize(3);
    }

    @Test
    void anUnconfirmedAttemptTimesOutAndTheLastOneIsDeadlineExceeded() {
        ScriptedTransport transport = new ScriptedTransport(attempt -> new CompletableFuture<>());

        CompletableFuture<Void> published = publish(transport, POLICY.withTimeout(Duration.ofMillis(30)), null);

        assertThat(failure(published).code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        assertThat(transport.sent).hasSize(3);
    }

    @Test
    void theDeadlineEndsTheRetriesEarly() {
        ScriptedTransport transport = new ScriptedTransport(attempt -> new CompletableFuture<>());
        PolicySettings policy = POLICY.withTimeout(Duration.ofMillis(50)).withDeadline(Duration.ofMillis(80))
                .withRetry(retry -> retry.withAttempts(10));

        CompletableFuture<Void> published = publish(transport, policy, null);

        assertThat(failure(published).code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        assertThat(transport.sent.size()).isBetween(1, 3);
    }

    @Test
    void anExpiredCallerDeadlineIsNotWaitedFor() {
        ScriptedTransport transport = new ScriptedTransport(attempt -> CompletableFuture.completedFuture(null));

        CompletableFuture<Void> published = publish(transport, POLICY, Deadline.after(Duration.ZERO));

        assertThat(failure(published).code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        assertThat(transport.sent).isEmpty();
    }

    @Test
    void aFailureThatIsNotTransientIsNotRetried() {
        ScriptedTransport transport = new ScriptedTransport(attempt -> CompletableFuture.failedFuture(
                new SwitchboardException(ErrorCode.INVALID_ARGUMENT, "TOO_LARGE", "too large", Map.of())));

        CompletableFuture<Void> published = publish(transport, POLICY, null);

        assertThat(failure(published).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(transport.sent).hasSize(1);
    }

    private static CompletableFuture<Void> publish(MessageTransport transport, PolicySettings policy, Deadline caller) {
        return new PublishAttempts(transport).publish(ORDER_PLACED, MESSAGE, policy, caller);
    }

    private static SwitchboardException failure(CompletableFuture<Void> published) {
        assertThatThrownBy(() -> published.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SwitchboardException.class);
        return (SwitchboardException) published.handle((done, failure) -> failure).join();
    }

    /** Answers each publish as the script says for its attempt number (1 for the first). */
    private static final class ScriptedTransport implements MessageTransport {

        final List<Message> sent = new CopyOnWriteArrayList<>();
        private final Function<Integer, CompletableFuture<Void>> script;

        ScriptedTransport(Function<Integer, CompletableFuture<Void>> script) {
            this.script = script;
        }

        @Override
        public CompletableFuture<Void> publish(String destination, Message message) {
            sent.add(message);
            return script.apply(sent.size());
        }

        @Override
        public AutoCloseable subscribe(Subscription subscription) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void close() {}
    }
}
