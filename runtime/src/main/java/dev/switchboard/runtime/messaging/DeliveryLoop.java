package dev.switchboard.runtime.messaging;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.policy.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What happens to every delivered message, on every broker: it is read as a CloudEvent, handed to
 * the subscription's handler, and settled through the broker's {@link DeliveryHooks}.
 *
 * <ul>
 *   <li>The handler returned: acknowledged.
 *   <li>It failed with a retryable code and attempts remain ({@link DeadLetters#shouldRetry}):
 *       delivered again after the contract's {@link Backoff} for this attempt, never at once.
 *   <li>Any other failure, an {@link Error} included, or the last attempt: published with
 *       {@link DeadLetters} reason headers to the dead-letter destination, then settled.
 *   <li>A delivery that is not a CloudEvent: dead-lettered at once as {@code INVALID_ARGUMENT} with
 *       whatever could be salvaged, so it is neither lost nor redelivered in a hot loop.
 *   <li>Settling failed (the retry or dead-letter publish was not confirmed): the delivery is left
 *       unsettled and redelivered after the backoff; what nobody finished is never acknowledged.
 *   <li>Another delivery of the same message is still being handled ({@link MessageInFlightException}
 *       from the idempotency check): left unsettled and redelivered after the backoff (a second at
 *       least), as the same attempt, so waiting for the other one does not spend the retry budget.
 * </ul>
 *
 * <p>An {@link Subscription#ordered() ordered} subscription retries in place instead: the delivery
 * waits out its backoff on the worker that runs it and is handled again there, so the later messages
 * of its key (which its consumer holds back, see {@link OrderedDelivery}) never overtake it.
 *
 * <p>The loop sees the subscription's handler as one step; for generated handlers that is the chain
 * {@link DefaultMessageListeners} builds (observation, idempotency by event id, payload decoding and
 * validation), which works on a read {@link Message} and needs no broker. The loop never throws, so a
 * broker's consumer thread survives any message.
 *
 * @param <R> the broker's received delivery
 */
public final class DeliveryLoop<R> {

    private static final Logger log = Logger.getLogger(DeliveryLoop.class.getName());
    /** How long a dead-letter publish may take to be confirmed before the delivery is left for redelivery. */
    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The least wait before a message still being handled elsewhere comes back: its other delivery
     * is typically a slow handler, and asking again every few milliseconds would only spin.
     */
    static final Duration IN_FLIGHT_DELAY = Duration.ofSeconds(1);

    private final Subscription subscription;
    private final DeliveryHooks<R> hooks;
    private final Backoff backoff;
    /**
     * The attempt this thread's ordered delivery runs again as, once {@link #inPlace} waited: {@link #deliver}
     * loops on it rather than recursing, so a dead-letter destination down for hours never deepens the stack.
     */
    private final ThreadLocal<Integer> inPlaceAgain = new ThreadLocal<>();

    public DeliveryLoop(Subscription subscription, DeliveryHooks<R> hooks) {
        this(subscription, hooks, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random the backoff's jitter source, 0..1 */
    public DeliveryLoop(Subscription subscription, DeliveryHooks<R> hooks, DoubleSupplier random) {
        this.subscription = subscription;
        this.hooks = hooks;
        this.backoff = new Backoff(subscription.retry(), random);
    }

    /** Handles one delivery and settles it; returns once it is settled or left for redelivery. */
    public void deliver(R received) {
        int attempt = attempt(received);
        while (true) {
            deliver(received, attempt);
            Integer again = inPlaceAgain.get();
            if (again == null) {
                return;
            }
            inPlaceAgain.remove();
            attempt = again;
        }
    }

    /**
     * Handles the deliveries of a {@link Subscription#batch() batch subscription} together and settles
     * each; returns once all are settled or left for redelivery. Deliveries that are not CloudEvents are
     * dead-lettered on their own first. When the batch fails:
     * <ul>
     *   <li>a failure worth retrying while every message has attempts left: each is retried later, as
     *       it would be alone (an outage is no reason to split the batch);
     *   <li>otherwise (a failure no retry mends, or a message on its last attempt) the batch is split in
     *       halves, each handled again at once, down to the message that fails alone, which is retried
     *       or dead-lettered as one; the others are acknowledged with the halves that succeed.
     * </ul>
     * A batch of {@code n} with one poison message costs about {@code 2 log2 n} extra handler calls.
     */
    public void deliverAll(List<R> deliveries) {
        List<Read<R>> batch = new ArrayList<>(deliveries.size());
        for (R received : deliveries) {
            int attempt = attempt(received);
            Message message = readOrDeadLetter(received, attempt);
            if (message != null) {
                batch.add(new Read<>(received, message, attempt));
            }
        }
        if (!batch.isEmpty()) {
            handleAll(batch);
        }
    }

    /** A delivery read as a CloudEvent, at the attempt the broker counts. */
    private record Read<R>(R received, Message message, int attempt) {}

    private void handleAll(List<Read<R>> batch) {
        if (batch.size() == 1) {
            Read<R> one = batch.get(0);
            handle(one.received(), one.message(), one.attempt());
            return;
        }
        int latest = batch.stream().mapToInt(Read::attempt).max().orElse(1);
        int maxAttempts = subscription.retry().attempts();
        try {
            ((BatchHandler) subscription.handler()).handleAll(batch.stream().map(Read::message).toList(),
                    new MessageHandler.Delivery(latest, maxAttempts, subscription.destination()));
        } catch (Exception | Error failure) {
            boolean retryAll = !(failure instanceof MessageInFlightException)
                    && batch.stream().allMatch(read -> DeadLetters.shouldRetry(failure, read.attempt(), maxAttempts));
            if (retryAll) {
                batch.forEach(read -> failed(read.received(), read.message(), failure, read.attempt()));
            } else {
                log.log(Level.FINE, failure, () -> "a batch of " + batch.size() + " on " + subscription.destination()
                        + " failed; handling its halves on their own");
                handleAll(batch.subList(0, batch.size() / 2));
                handleAll(batch.subList(batch.size() / 2, batch.size()));
            }
            return;
        }
        batch.forEach(read -> acknowledge(read.received(), read.message()));
    }

    private void deliver(R received, int attempt) {
        Message message = readOrDeadLetter(received, attempt);
        if (message != null) {
            handle(received, message, attempt);
        }
    }

    private void handle(R received, Message message, int attempt) {
        try {
            subscription.handler().handle(message,
                    new MessageHandler.Delivery(attempt, subscription.retry().attempts(), subscription.destination()));
        } catch (MessageInFlightException inFlight) {
            log.log(Level.FINE, inFlight, () -> inFlight.getMessage() + "; delivering it again later");
            Duration delay = backoff.before(attempt);
            redeliverLater(received, delay.compareTo(IN_FLIGHT_DELAY) < 0 ? IN_FLIGHT_DELAY : delay, attempt);
            return;
        } catch (Exception | Error failure) {
            failed(received, message, failure, attempt);
            return;
        }
        acknowledge(received, message);
    }

    private void acknowledge(R received, Message message) {
        try {
            hooks.acknowledge(received);
        } catch (Exception e) {
            log.log(Level.WARNING, e, () -> "could not acknowledge " + message + " on " + subscription.destination()
                    + "; the broker will deliver it again and the consumer drop the duplicate");
        }
    }

    /** The delivery's CloudEvent; null when it is none, after it was dead-lettered (or left for redelivery). */
    private Message readOrDeadLetter(R received, int attempt) {
        Message message;
        try {
            message = hooks.read(received);
        } catch (RuntimeException unreadable) {
            Message salvaged;
            try {
                salvaged = hooks.salvage(received);
            } catch (RuntimeException e) {
                log.log(Level.SEVERE, e, () -> "a delivery on " + subscription.destination() + " is not a CloudEvent ("
                        + unreadable.getMessage() + ") and cannot be salvaged; it will be delivered again");
                redeliverLater(received, backoff.before(attempt), attempt);
                return null;
            }
            deadLetter(received, salvaged, notACloudEvent(unreadable), attempt);
            return null;
        }
        return message;
    }

    private void failed(R received, Message message, Throwable failure, int attempt) {
        if (failure instanceof Error) {
            log.log(Level.SEVERE, failure, () -> "the handler of " + subscription.destination() + " failed with an error on "
                    + message + "; dead-lettering it");
        }
        if (!DeadLetters.shouldRetry(failure, attempt, subscription.retry().attempts())) {
            deadLetter(received, message, failure, attempt);
            return;
        }
        Duration delay = backoff.before(attempt);
        if (subscription.ordered()) {
            inPlace(received, delay, attempt + 1);
            return;
        }
        try {
            hooks.retryLater(received, message, attempt, delay);
        } catch (Exception e) {
            log.log(Level.WARNING, e, () -> "could not schedule the retry of " + message + " on " + subscription.destination());
            redeliverLater(received, delay, attempt);
        }
    }

    private void deadLetter(R received, Message message, Throwable failure, int attempt) {
        Message dead = DeadLetters.deadLetter(message, failure, attempt, subscription.destination(), subscription.group());
        try {
            hooks.publish(subscription.deadLetter(), dead).get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.log(Level.WARNING, e, () -> "could not dead-letter " + message + " to " + subscription.deadLetter()
                    + "; it will be delivered again");
            redeliverLater(received, backoff.before(attempt), attempt);
            return;
        }
        try {
            hooks.terminate(received);
        } catch (Exception e) {
            log.log(Level.WARNING, e, () -> "dead-lettered " + message + " but could not settle it on "
                    + subscription.destination() + "; the broker will deliver it again");
        }
    }

    private void redeliverLater(R received, Duration delay, int attempt) {
        if (subscription.ordered()) {
            inPlace(received, delay, attempt);
            return;
        }
        try {
            hooks.redeliverLater(received, delay);
        } catch (Exception e) {
            log.log(Level.WARNING, e, () -> "could not hand a delivery on " + subscription.destination()
                    + " back; the broker redelivers it once its acknowledgement times out");
        }
    }

    /**
     * An ordered subscription's retry: handed back to the broker, the delivery would come again behind
     * the later messages of its key (a retry queue, a redelivery), so it waits here for the delay, on the
     * worker that holds its key, and runs again as {@code attempt}. Only a shutdown (an interrupt) hands
     * it back to the broker.
     */
    private void inPlace(R received, Duration delay, int attempt) {
        try {
            Thread.sleep(Math.max(1, delay.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                hooks.redeliverLater(received, delay);
            } catch (Exception handBack) {
                log.log(Level.WARNING, handBack, () -> "could not hand an ordered delivery on "
                        + subscription.destination() + " back; the broker redelivers it once it times out");
            }
            return;
        }
        inPlaceAgain.set(attempt);
    }

    /** The broker's count of this delivery; a count it cannot tell is taken as the first. */
    private int attempt(R received) {
        try {
            return Math.max(1, hooks.attempt(received));
        } catch (RuntimeException e) {
            log.log(Level.WARNING, e, () -> "cannot tell the attempt of a delivery on " + subscription.destination());
            return 1;
        }
    }

    private static SwitchboardException notACloudEvent(RuntimeException unreadable) {
        return new SwitchboardException(ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT.name(),
                unreadable.getMessage(), Map.of(), unreadable);
    }
}
