package dev.switchboard.runtime.messaging;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.Failures;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.policy.Backoff;
import dev.switchboard.runtime.policy.PolicySettings;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;

/**
 * A direct publish under the contract's policy, as a call is: each attempt bounded by the timeout,
 * a transient failure retried after the contract's backoff while attempts and the deadline allow,
 * and the last failure told in the shared taxonomy, {@code UNAVAILABLE} or, when time ran out,
 * {@code DEADLINE_EXCEEDED}, so a REST caller gets a 503 it knows is worth retrying.
 *
 * <p>Every attempt sends the same CloudEvent, id included: a broker that kept a copy whose confirm
 * was lost delivers it twice, and consumers drop the second by id. That is why a timed-out attempt
 * may be retried here, where a timed-out call to a non-idempotent operation may not. Retries wait
 * on a timer, never on the publishing thread; the publishing thread only runs the first attempt of
 * the transport's {@code publish}, whose own blocking is bounded by the broker client's limits
 * (Kafka's {@code max.block.ms}, RabbitMQ's connection timeout).
 */
final class PublishAttempts {

    /**
     * Where retries run after their backoff: threads of their own, since a transport's
     * {@code publish} may block while its broker is away, and retries happen only then.
     */
    private static final Executor RETRIES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "switchboard-publish-retry");
        thread.setDaemon(true);
        return thread;
    });
    /** Bounds every attempt by its policy's timeout; an expired one is failed on the retry threads. */
    private static final ConfirmTimeouts TIMEOUTS = new ConfirmTimeouts("switchboard-publish-timeouts", RETRIES);

    private final MessageTransport transport;
    private final Executor retries;
    private final DoubleSupplier random;
    private final Set<String> declared = ConcurrentHashMap.newKeySet();

    PublishAttempts(MessageTransport transport) {
        this(transport, RETRIES, () -> ThreadLocalRandom.current().nextDouble());
    }

    PublishAttempts(MessageTransport transport, Executor retries, DoubleSupplier random) {
        this.transport = transport;
        this.retries = retries;
        this.random = random;
    }

    /**
     * Publishes {@code message} until the broker confirms it or the policy gives up.
     *
     * @param settings complete settings (defaults applied): timeout per attempt, deadline, retry
     * @param caller   the deadline of the call this publish is part of, or null
     */
    CompletableFuture<Void> publish(MessageDescriptor descriptor, Message message, PolicySettings settings,
            Deadline caller) {
        Deadline deadline = settings.deadline() == null ? caller : Deadline.after(settings.deadline()).earliest(caller);
        CompletableFuture<Void> result = new CompletableFuture<>();
        Publish publish = new Publish(descriptor, message, settings, deadline, new Backoff(settings.retry(), random),
                result);
        attempt(publish, 1);
        return result;
    }

    /**
     * Publishes {@code message} once and hands back the transport's own future: for a transport
     * that is not {@linkplain MessageTransport#confirmsByBroker() confirmed by a broker}.
     */
    CompletableFuture<Void> publishOnce(MessageDescriptor descriptor, Message message) {
        try {
            declareOnce(descriptor);
            return transport.publish(descriptor.destination(), message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private record Publish(MessageDescriptor descriptor, Message message, PolicySettings settings,
            Deadline deadline, Backoff backoff, CompletableFuture<Void> result) {

        String destination() {
            return descriptor.destination();
        }
    }

    private void attempt(Publish publish, int attempt) {
        Duration timeout = publish.settings().timeout();
        boolean cutShort = false;
        if (publish.deadline() != null) {
            if (publish.deadline().isExpired()) {
                publish.result().completeExceptionally(outOfTime(publish, attempt - 1, null));
                return;
            }
            Duration remaining = publish.deadline().remaining();
            if (remaining.compareTo(timeout) < 0) {
                timeout = remaining;
                cutShort = true;
            }
        }
        CompletableFuture<Void> sent;
        try {
            declareOnce(publish.descriptor());
            sent = transport.publish(publish.destination(), publish.message());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> bounded = cutShort ? sent.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                : TIMEOUTS.within(sent, timeout);
        bounded.whenComplete((done, failure) -> {
            if (failure == null) {
                publish.result().complete(null);
            } else {
                failed(publish, attempt, Failures.unwrapped(failure));
            }
        });
    }

    /** What the destination needs before its first message; declared again on the next attempt when it failed. */
    private void declareOnce(MessageDescriptor descriptor) {
        if (declared.add(descriptor.destination())) {
            try {
                transport.declare(descriptor.destination(), descriptor.mode(), descriptor.ordered());
            } catch (RuntimeException e) {
                declared.remove(descriptor.destination());
                throw e;
            }
        }
    }

    private void failed(Publish publish, int attempt, Throwable failure) {
        SwitchboardException mapped = mapped(publish, attempt, failure);
        boolean retryable = mapped.code().isRetryable(true);
        Duration wait = publish.backoff().before(attempt);
        boolean timeLeft = publish.deadline() == null || publish.deadline().remaining().compareTo(wait) > 0;
        if (!retryable || attempt >= publish.settings().retry().attempts() || !timeLeft) {
            publish.result().completeExceptionally(timeLeft || !retryable ? mapped : outOfTime(publish, attempt, failure));
            return;
        }
        CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS, retries)
                .execute(() -> attempt(publish, attempt + 1));
    }

    /** A Switchboard failure as it is; a timeout is DEADLINE_EXCEEDED; whatever else the broker said is UNAVAILABLE. */
    private static SwitchboardException mapped(Publish publish, int attempts, Throwable failure) {
        if (failure instanceof SwitchboardException known) {
            return known;
        }
        if (failure instanceof TimeoutException) {
            return new SwitchboardException(ErrorCode.DEADLINE_EXCEEDED, ErrorCode.DEADLINE_EXCEEDED.name(),
                    "the broker did not confirm " + publish.message() + " on " + publish.destination() + " within "
                            + publish.settings().timeout() + " (attempt " + attempts + ")", Map.of(), failure);
        }
        return new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                "the broker did not take " + publish.message() + " on " + publish.destination() + " after " + attempts
                        + (attempts == 1 ? " attempt: " : " attempts: ") + failure, Map.of(), failure);
    }

    private static SwitchboardException outOfTime(Publish publish, int attempts, Throwable last) {
        return new SwitchboardException(ErrorCode.DEADLINE_EXCEEDED, ErrorCode.DEADLINE_EXCEEDED.name(),
                "the deadline passed before the broker confirmed " + publish.message() + " on " + publish.destination()
                        + " (" + attempts + (attempts == 1 ? " attempt" : " attempts")
                        + (last == null ? "" : ", last: " + last) + ")", Map.of(), last);
    }
}
