package dev.switchboard.jdbc.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What an operator watches: {@code switchboard.outbox.depth} (unsent rows) and
 * {@code switchboard.outbox.oldest.age} (seconds the oldest unsent row has waited), gauges read from
 * the relay's last look at the table, and {@code switchboard.outbox.sent} (rows this instance sent).
 * Tagged like every Switchboard meter with {@code service} (the producing contract service, the
 * CloudEvent source) and {@code transport} (the broker).
 */
final class OutboxMetrics {

    static final String DEPTH = "switchboard.outbox.depth";
    static final String OLDEST_AGE = "switchboard.outbox.oldest.age";
    static final String SENT = "switchboard.outbox.sent";

    private final MeterRegistry registry;
    private final String transport;
    private final LongSupplier clock;
    private final Map<String, ServiceBacklog> services = new ConcurrentHashMap<>();

    /** @param registry null when the application has no meter registry */
    OutboxMetrics(MeterRegistry registry, String transport, LongSupplier clock) {
        this.registry = registry;
        this.transport = transport;
        this.clock = clock;
    }

    void sent(String service, int rows) {
        service(service).increment(rows);
    }

    /** Replaces the backlog of every service with what the table holds now. */
    void backlog(Map<String, OutboxStore.Backlog> current) {
        services.forEach((service, backlog) -> backlog.update(current.get(service)));
        current.forEach((service, backlog) -> service(service).update(backlog));
    }

    private ServiceBacklog service(String service) {
        return services.computeIfAbsent(service, this::register);
    }

    private ServiceBacklog register(String service) {
        ServiceBacklog backlog = new ServiceBacklog(registry == null ? null : Counter.builder(SENT)
                .description("Outbox rows this instance sent to the broker").tags(tags(service)).register(registry));
        if (registry != null) {
            Gauge.builder(DEPTH, backlog, ServiceBacklog::depth).description("Unsent outbox rows")
                    .tags(tags(service)).register(registry);
            Gauge.builder(OLDEST_AGE, backlog, held -> held.ageSeconds(clock.getAsLong()))
                    .description("How long the oldest unsent outbox row has waited").baseUnit("seconds")
                    .tags(tags(service)).register(registry);
        }
        return backlog;
    }

    private Tags tags(String service) {
        return Tags.of("service", service, "transport", transport);
    }

    /** One service's last seen backlog. */
    private static final class ServiceBacklog {

        private final Counter sent;
        private volatile long depth;
        private volatile long oldest;

        ServiceBacklog(Counter sent) {
            this.sent = sent;
        }

        void update(OutboxStore.Backlog backlog) {
            depth = backlog == null ? 0 : backlog.depth();
            oldest = backlog == null ? 0 : backlog.oldest();
        }

        double depth() {
            return depth;
        }

        double ageSeconds(long now) {
            return depth == 0 ? 0 : Math.max(0, now - oldest) / (double) TimeUnit.SECONDS.toMillis(1);
        }

        void increment(int rows) {
            if (sent != null) {
                sent.increment(rows);
            }
        }
    }
}
