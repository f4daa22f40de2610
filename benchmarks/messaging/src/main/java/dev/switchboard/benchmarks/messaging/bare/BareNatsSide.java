package dev.switchboard.benchmarks.messaging.bare;

import dev.switchboard.benchmarks.messaging.Deliveries;
import dev.switchboard.benchmarks.messaging.Side;
import dev.switchboard.benchmarks.messaging.prices.PriceChanged;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: what a developer writes with jnats alone for the same flow — a stream, a durable
 * pull consumer read by two threads, JSON payloads, explicit acks, async publish acks — without
 * CloudEvent headers, observation, idempotency or dead-lettering.
 */
public final class BareNatsSide implements Side {

    private static final String SUBJECT = "bench.bare.prices";
    private static final String STREAM = "bench_bare_prices";
    /** -Dbench.bareHeaders=true: the baseline carries the same CloudEvent headers, to price the envelope alone. */
    private static final boolean WITH_HEADERS = Boolean.getBoolean("bench.bareHeaders");

    private final Connection connection;
    private final JetStream jetStream;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> workers = new ArrayList<>();

    public BareNatsSide(String url) throws Exception {
        connection = Nats.connect(url);
        jetStream = connection.jetStream();
        JetStreamManagement management = connection.jetStreamManagement();
        try {
            management.deleteStream(STREAM);
        } catch (JetStreamApiException absent) {
            // First run on this server.
        }
        management.addStream(StreamConfiguration.builder().name(STREAM).subjects(SUBJECT).storageType(StorageType.File).build());
        management.addOrUpdateConsumer(STREAM, ConsumerConfiguration.builder().durable("bare").filterSubject(SUBJECT)
                .ackPolicy(AckPolicy.Explicit).build());
        for (int i = 0; i < 2; i++) {
            Thread worker = new Thread(this::consume, "bare-nats-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    private void consume() {
        try {
            JetStreamSubscription pull = jetStream.subscribe(SUBJECT, PullSubscribeOptions.bind(STREAM, "bare"));
            while (running.get()) {
                for (Message message : pull.fetch(10, java.time.Duration.ofMillis(200))) {
                    Deliveries.received(json.readValue(message.getData(), PriceChanged.class).sentAt());
                    message.ack();
                }
            }
        } catch (Exception e) {
            if (running.get()) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public CompletableFuture<?> publish(long sequence, long sentAtNanos) {
        byte[] body = json.writeValueAsBytes(new PriceChanged("sku-" + (sequence % 100), sequence, sentAtNanos));
        if (!WITH_HEADERS) {
            return jetStream.publishAsync(SUBJECT, body);
        }
        io.nats.client.impl.Headers headers = new io.nats.client.impl.Headers();
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", java.util.UUID.randomUUID().toString());
        headers.put("ce-type", "dev.switchboard.benchmarks.messaging.prices.priceChanged");
        headers.put("ce-source", "Prices");
        headers.put("ce-time", java.time.Instant.now().toString());
        headers.put("ce-subject", "sku-" + (sequence % 100));
        headers.put("content-type", "application/json");
        return jetStream.publishAsync(io.nats.client.impl.NatsMessage.builder().subject(SUBJECT).headers(headers).data(body).build());
    }

    @Override
    public void close() throws Exception {
        running.set(false);
        for (Thread worker : workers) {
            worker.join(5_000);
        }
        connection.close();
    }
}
