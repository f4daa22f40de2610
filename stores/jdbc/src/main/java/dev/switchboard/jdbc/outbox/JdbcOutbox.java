package dev.switchboard.jdbc.outbox;

import dev.switchboard.runtime.messaging.MessageTransport;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * The transactional outbox on one DataSource: the {@link #transport() transport} a
 * {@code DefaultMessagePublisher} writes through, and the {@link #relay() relay} that sends what
 * it wrote over the broker transport. Listeners keep using the broker transport directly.
 *
 * <pre>{@code
 * OutboxSchema.create(dataSource, settings);           // unless the application's migrations do
 * JdbcOutbox outbox = new JdbcOutbox(dataSource, broker, settings, meterRegistry);
 * MessagePublisher publisher = new DefaultMessagePublisher(outbox.transport(), json, observations, false);
 * outbox.start();
 * }</pre>
 */
public final class JdbcOutbox implements AutoCloseable {

    private final OutboxTransport transport;
    private final OutboxRelay relay;

    /** @param meters where the outbox's meters go, or null for none */
    public JdbcOutbox(DataSource dataSource, MessageTransport broker, OutboxSettings settings, MeterRegistry meters) {
        this(dataSource, broker, settings, meters, System::currentTimeMillis);
    }

    JdbcOutbox(DataSource dataSource, MessageTransport broker, OutboxSettings settings, MeterRegistry meters,
            LongSupplier clock) {
        OutboxStore store = new OutboxStore(dataSource, settings);
        this.relay = new OutboxRelay(dataSource, store, broker, settings,
                new OutboxMetrics(meters, broker.name(), clock), clock);
        this.transport = new OutboxTransport(dataSource, store, broker, relay::wake, clock);
    }

    /** Writes publishes to the outbox table; everything else goes to the broker transport. */
    public MessageTransport transport() {
        return transport;
    }

    public OutboxRelay relay() {
        return relay;
    }

    /** Starts the relay. */
    public void start() {
        relay.start();
    }

    @Override
    public void close() {
        relay.close();
    }
}
