package dev.switchboard.benchmarks.messaging.bare;

import dev.switchboard.benchmarks.messaging.Deliveries;
import dev.switchboard.benchmarks.messaging.Side;
import dev.switchboard.benchmarks.messaging.prices.PriceChanged;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
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
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: what a developer writes with jnats alone for the same flow — a stream, a durable
 * pull consumer read by two threads, JSON payloads, explicit acks, async publish acks — without
 * CloudEvent headers, observation, idempotency or dead-lettering. With {@code guarantees}, the same
 * plus what a developer adds by hand for Switchboard's delivery guarantees: a message id header and
 * in-memory dedup ({@link SeenIds}), a failed message redelivered (nak) up to three deliveries and
 * then published to a dead-letter subject. With {@link BareTracing}, each publish and each message observed by hand
 * with Micrometer's sender and receiver contexts (jnats has no observation of its own), the trace context in the
 * message's headers.
 */
public final class BareNatsSide implements Side {

    private static final int MAX_DELIVERIES = 3;

    private final Connection connection;
    private final JetStream jetStream;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Micrometer's no-op registry unless {@link BareTracing} is on. */
    private final ObservationRegistry tracing = BareTracing.registry();
    /**
     * The keys OpenTelemetry's messaging conventions ask for, as spring-kafka's and spring-amqp's observations carry
     * such keys (two to six each; Switchboard's five), so the hand-written one is not the cheapest that could be
     * written: each key is a tag on every timer and an attribute on every span.
     */
    private final KeyValues publishKeys;
    private final KeyValues processKeys;
    private final List<Thread> workers = new ArrayList<>();
    /** Null without {@code guarantees}. */
    private final SeenIds seen;
    /** Each variant its own subject and stream, so both can run in one benchmark. */
    private final String subject;
    private final String deadLetters;
    private final String stream;
    private final String durable;

    public BareNatsSide(String url) throws Exception {
        this(url, false);
    }

    public BareNatsSide(String url, boolean guarantees) throws Exception {
        seen = guarantees ? new SeenIds() : null;
        String variant = guarantees ? "guarded" : "bare";
        subject = "bench." + variant + ".prices";
        deadLetters = subject + ".dlq";
        stream = "bench_" + variant + "_prices";
        durable = variant;
        publishKeys = KeyValues.of("messaging.system", "nats", "messaging.operation", "publish",
                "messaging.destination.name", subject);
        processKeys = KeyValues.of("messaging.system", "nats", "messaging.operation", "process",
                "messaging.destination.name", subject);
        connection = Nats.connect(url);
        jetStream = connection.jetStream();
        JetStreamManagement management = connection.jetStreamManagement();
        try {
            management.deleteStream(stream);
        } catch (JetStreamApiException absent) {
            // First run on this server.
        }
        management.addStream(StreamConfiguration.builder().name(stream).subjects(subject, deadLetters).storageType(StorageType.File).build());
        management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder().durable(durable).filterSubject(subject)
                .ackPolicy(AckPolicy.Explicit).build());
        for (int i = 0; i < 2; i++) {
            Thread worker = new Thread(this::consume, variant + "-nats-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    private void consume() {
        try {
            JetStreamSubscription pull = jetStream.subscribe(subject, PullSubscribeOptions.bind(stream, durable));
            while (running.get()) {
                for (Message message : pull.fetch(10, java.time.Duration.ofMillis(200))) {
                    if (tracing.isNoop()) {
                        handle(message);
                    } else {
                        ReceiverContext<Message> context = new ReceiverContext<>((carrier, key) ->
                                carrier.getHeaders() == null ? null : carrier.getHeaders().getFirst(key));
                        context.setCarrier(message);
                        context.setRemoteServiceName("nats");
                        Observation.createNotStarted("bench.nats.process", () -> context, tracing)
                                .contextualName(subject + " process").lowCardinalityKeyValues(processKeys)
                                .observeChecked(() -> handle(message));
                    }
                }
            }
        } catch (Exception e) {
            if (running.get()) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void handle(Message message) throws Exception {
        String cloudEventId = CloudEventHeaders.ENABLED ? CloudEventHeaders.read("ce-", each ->
                message.getHeaders().forEach((name, values) -> each.accept(name, values.get(0)))) : null;
        if (seen != null) {
            handleOnce(message, CloudEventHeaders.ENABLED ? cloudEventId
                    : message.getHeaders() == null ? null : message.getHeaders().getFirst(SeenIds.HEADER));
            return;
        }
        Deliveries.received(json.readValue(message.getData(), PriceChanged.class).sentAt());
        message.ack();
    }

    private void handleOnce(Message message, String id) throws Exception {
        if (seen.first(id)) {
            try {
                Deliveries.received(json.readValue(message.getData(), PriceChanged.class).sentAt());
            } catch (RuntimeException failure) {
                seen.forget(id);
                if (message.metaData().deliveredCount() < MAX_DELIVERIES) {
                    message.nakWithDelay(java.time.Duration.ofMillis(100));
                    return;
                }
                jetStream.publish(deadLetters, message.getHeaders(), message.getData());
            }
        }
        message.ack();
    }

    @Override
    public CompletableFuture<?> publish(long sequence, long sentAtNanos) {
        byte[] body = json.writeValueAsBytes(new PriceChanged("sku-" + (sequence % 100), sequence, sentAtNanos));
        if (seen == null && !CloudEventHeaders.ENABLED && tracing.isNoop()) {
            return jetStream.publishAsync(subject, body);
        }
        Headers headers = new Headers();
        if (CloudEventHeaders.ENABLED) {
            CloudEventHeaders.write("ce-", sequence, headers::put);
        } else if (seen != null) {
            headers.put(SeenIds.HEADER, java.util.UUID.randomUUID().toString());
        }
        if (tracing.isNoop()) {
            return jetStream.publishAsync(NatsMessage.builder().subject(subject).headers(headers).data(body).build());
        }
        SenderContext<Headers> context = new SenderContext<>(Headers::put);
        context.setCarrier(headers);
        context.setRemoteServiceName("nats");
        Observation observation = Observation.createNotStarted("bench.nats.publish", () -> context, tracing)
                .contextualName(subject + " send").lowCardinalityKeyValues(publishKeys).start();
        return jetStream.publishAsync(NatsMessage.builder().subject(subject).headers(headers).data(body).build())
                .whenComplete((acknowledged, failure) -> {
                    if (failure != null) {
                        observation.error(failure);
                    }
                    observation.stop();
                });
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
