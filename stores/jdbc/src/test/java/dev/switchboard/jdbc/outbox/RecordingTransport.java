package dev.switchboard.jdbc.outbox;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker stand-in that records what it confirmed, in confirm order, after a small random delay
 * (so sends of different keys overtake each other); it can be switched down to fail every send.
 */
final class RecordingTransport implements MessageTransport {

    record Received(String relay, String destination, Message message) {}

    private final String relay;
    private final List<Received> received;
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger attempts = new AtomicInteger();

    RecordingTransport(String relay, List<Received> received) {
        this.relay = relay;
        this.received = received;
    }

    RecordingTransport() {
        this("relay", new CopyOnWriteArrayList<>());
    }

    List<Received> received() {
        return received;
    }

    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        attempts.incrementAndGet();
        if (down.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
        }
        return CompletableFuture.runAsync(() -> received.add(new Received(relay, destination, message)),
                CompletableFuture.delayedExecutor(ThreadLocalRandom.current().nextInt(3), TimeUnit.MILLISECONDS));
    }

    @Override
    public AutoCloseable subscribe(Subscription subscription) {
        throw new UnsupportedOperationException("publish only");
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void close() {}
}
