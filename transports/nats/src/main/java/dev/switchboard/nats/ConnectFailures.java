package dev.switchboard.nats;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.support.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's {@link ErrorListener}, plus a note of what went wrong while connecting: jnats
 * reports only "Unable to connect to NATS servers" when the first connection fails, and tells the
 * reason (a certificate that is not trusted, a refused TLS handshake, an authorization violation)
 * to the error listener alone. Every call is forwarded unchanged.
 */
final class ConnectFailures implements ErrorListener {

    private final ErrorListener application;
    private final List<String> seen = new ArrayList<>();

    ConnectFailures(ErrorListener application) {
        this.application = application;
    }

    /** What the listener heard, oldest first, e.g. {@code SSLHandshakeException: PKIX path building failed ...}. */
    synchronized List<String> seen() {
        return List.copyOf(seen);
    }

    private synchronized void note(String what) {
        if (seen.size() < 10 && !seen.contains(what)) {
            seen.add(what);
        }
    }

    @Override
    public void errorOccurred(Connection connection, String error) {
        note(error);
        application.errorOccurred(connection, error);
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        note(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        application.exceptionOccurred(connection, exception);
    }

    @Override
    public void slowConsumerDetected(Connection connection, Consumer consumer) {
        application.slowConsumerDetected(connection, consumer);
    }

    @Override
    public void messageDiscarded(Connection connection, Message message) {
        application.messageDiscarded(connection, message);
    }

    @Override
    public void heartbeatAlarm(Connection connection, JetStreamSubscription subscription, long lastStreamSequence,
            long lastConsumerSequence) {
        application.heartbeatAlarm(connection, subscription, lastStreamSequence, lastConsumerSequence);
    }

    @Override
    public void unhandledStatus(Connection connection, JetStreamSubscription subscription, Status status) {
        application.unhandledStatus(connection, subscription, status);
    }

    @Override
    public void pullStatusWarning(Connection connection, JetStreamSubscription subscription, Status status) {
        application.pullStatusWarning(connection, subscription, status);
    }

    @Override
    public void pullStatusError(Connection connection, JetStreamSubscription subscription, Status status) {
        application.pullStatusError(connection, subscription, status);
    }

    @Override
    public void flowControlProcessed(Connection connection, JetStreamSubscription subscription, String subject,
            FlowControlSource source) {
        application.flowControlProcessed(connection, subscription, subject, source);
    }

    @Override
    public void socketWriteTimeout(Connection connection) {
        application.socketWriteTimeout(connection);
    }

    @Override
    public String supplyMessage(String label, Connection connection, Consumer consumer, Subscription subscription,
            Object... pairs) {
        return application.supplyMessage(label, connection, consumer, subscription, pairs);
    }
}
