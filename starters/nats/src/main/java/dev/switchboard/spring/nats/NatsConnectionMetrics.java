package dev.switchboard.spring.nats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nats.client.Connection;
import io.nats.client.Statistics;
import java.util.function.ToLongFunction;

/**
 * Micrometer meters over a NATS connection's own {@link Statistics}, tagged with the connection's
 * name: messages and bytes in and out, reconnects, messages dropped for slow consumers, server
 * errors, exceptions, pings, requests and replies, plus whether it is connected.
 */
public class NatsConnectionMetrics implements MeterBinder {

    private final Connection connection;
    private final Tags tags;

    public NatsConnectionMetrics(Connection connection, Iterable<Tag> tags) {
        this.connection = connection;
        this.tags = Tags.of(tags).and("connection", String.valueOf(connection.getOptions().getConnectionName()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "nats.client.messages", "messages", "messages received", Statistics::getInMsgs, "direction", "in");
        counter(registry, "nats.client.messages", "messages", "messages sent", Statistics::getOutMsgs, "direction", "out");
        counter(registry, "nats.client.bytes", "bytes", "bytes received", Statistics::getInBytes, "direction", "in");
        counter(registry, "nats.client.bytes", "bytes", "bytes sent", Statistics::getOutBytes, "direction", "out");
        counter(registry, "nats.client.reconnects", null, "reconnections to a server", Statistics::getReconnects);
        counter(registry, "nats.client.dropped", "messages", "messages dropped for slow consumers", Statistics::getDroppedCount);
        counter(registry, "nats.client.errors", null, "-ERR protocol messages from the server", Statistics::getErrs);
        counter(registry, "nats.client.exceptions", null, "exceptions the connection met", Statistics::getExceptions);
        counter(registry, "nats.client.pings", null, "pings sent", Statistics::getPings);
        counter(registry, "nats.client.requests", null, "requests sent", Statistics::getRequestsSent);
        counter(registry, "nats.client.replies", null, "replies received", Statistics::getRepliesReceived);
        Gauge.builder("nats.client.requests.outstanding", connection, c -> c.getStatistics().getOutstandingRequests())
                .description("requests waiting for a reply").tags(tags).register(registry);
        Gauge.builder("nats.client.connected", connection, c -> c.getStatus() == Connection.Status.CONNECTED ? 1 : 0)
                .description("1 while the connection is connected to a server, else 0").tags(tags).register(registry);
    }

    private void counter(MeterRegistry registry, String name, String unit, String description,
            ToLongFunction<Statistics> statistic, String... extraTags) {
        FunctionCounter.builder(name, connection, c -> statistic.applyAsLong(c.getStatistics()))
                .baseUnit(unit).description(description).tags(tags.and(extraTags)).register(registry);
    }
}
