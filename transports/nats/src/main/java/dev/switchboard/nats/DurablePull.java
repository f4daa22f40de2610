package dev.switchboard.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's pull subscription on a durable consumer, bound again whenever it stops answering
 * while the worker runs. JetStream answers a pull with a status instead of messages when the
 * consumer's leader moves ({@code 409 Leadership Change}, a clustered server killed) or the consumer
 * was deleted, and jnats throws that from {@code fetch} as an {@code IllegalStateException}, the type
 * a closed subscription throws too: only a closed connection ends the worker. A message fetched and
 * not acknowledged before such a break is redelivered by JetStream after the ack wait.
 */
final class DurablePull {

    private static final Logger log = LoggerFactory.getLogger(DurablePull.class);
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long MAX_PAUSE_MILLIS = 2_000;

    private final Connection connection;
    private final JetStream jetStream;
    private final String subject;
    private final String stream;
    private final String durable;

    DurablePull(Connection connection, JetStream jetStream, String subject, String stream, String durable) {
        this.connection = connection;
        this.jetStream = jetStream;
        this.subject = subject;
        this.stream = stream;
        this.durable = durable;
    }

    /** Fetches up to {@code batch} messages at a time, waiting up to {@code wait}, until {@code running} says no. */
    void run(BooleanSupplier running, int batch, Duration wait, Consumer<List<Message>> deliver) {
        long pause = FIRST_PAUSE_MILLIS;
        boolean broken = false;
        while (running.getAsBoolean()) {
            if (connection.getStatus() == Connection.Status.CLOSED) {
                log.warn("the NATS connection closed under the consumer {} on {}: it stops", durable, stream);
                return;
            }
            JetStreamSubscription pull = bind(broken);
            if (pull != null) {
                try {
                    while (running.getAsBoolean()) {
                        List<Message> fetched = pull.fetch(batch, wait);
                        if (broken) {
                            log.info("pulling from the JetStream consumer {} on {} again", durable, stream);
                            broken = false;
                            pause = FIRST_PAUSE_MILLIS;
                        }
                        deliver.accept(fetched);
                    }
                } catch (JetStreamStatusException status) {
                    warnOnce(broken, "JetStream answered a pull from " + durable + " on " + stream + " with "
                            + status.getStatus() + "; binding again", null);
                    broken = true;
                } catch (IllegalStateException closed) {
                    if (connection.getStatus() != Connection.Status.CLOSED) {
                        warnOnce(broken, "the pull subscription on " + durable + " broke; binding again", closed);
                    }
                    broken = true;
                } finally {
                    unsubscribe(pull);
                }
            } else {
                broken = true;
            }
            if (!running.getAsBoolean() || !pause(pause)) {
                return;
            }
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    private JetStreamSubscription bind(boolean broken) {
        try {
            return jetStream.subscribe(subject, PullSubscribeOptions.bind(stream, durable));
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            // jnats says "consumer not found" with an IllegalArgumentException, "closed" with an IllegalStateException.
            warnOnce(broken, "cannot bind to the JetStream consumer " + durable + " on " + stream + " (" + e
                    + "); trying again", null);
            return null;
        }
    }

    /** The first failure of a break at WARN, the retries of the same break at DEBUG: an outage logs once. */
    private static void warnOnce(boolean broken, String message, Throwable cause) {
        if (broken) {
            log.debug(message, cause);
        } else {
            log.warn(message, cause);
        }
    }

    private static void unsubscribe(JetStreamSubscription pull) {
        try {
            pull.unsubscribe();
        } catch (IllegalStateException alreadyClosed) {
            // The connection or the server went first.
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
