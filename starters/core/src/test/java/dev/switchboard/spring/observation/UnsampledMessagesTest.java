package dev.switchboard.spring.observation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import dev.switchboard.runtime.messaging.EmbeddedBroker;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageDescriptor;
import dev.switchboard.runtime.messaging.MessageListeners;
import dev.switchboard.runtime.messaging.MessagePublisher;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.observation.ClientObservations;
import dev.switchboard.runtime.pipeline.ClientPipeline;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RetrySettings;
import dev.switchboard.runtime.protobuf.ProtoCodec;
import dev.switchboard.runtime.resilience.PolicyEngine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Messages in unsampled and sampled traces through Spring Boot's real OpenTelemetry tracing (sampling at 100 %
 * for new traces, parent-based, W3C propagation), on an embedded broker of the test's own: the handler's log
 * context, a call the handler makes, and a message it publishes must all stay in the incoming trace either way.
 */
class UnsampledMessagesTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PUBLISHER_SPAN_ID = "00f067aa0ba902b7";
    private static final RetrySettings ONCE = new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10), 0.0, 0.0);
    private static final MessageDescriptor ORDER_CREATED = new MessageDescriptor("Orders", "orderCreated",
            MessageDescriptor.Kind.EVENT, "com.example.orders.orderCreated", "orders.created", "orders.created.dlq",
            ONCE, new NoCodec());
    private static final MessageDescriptor POINTS_AWARDED = new MessageDescriptor("Points", "pointsAwarded",
            MessageDescriptor.Kind.EVENT, "com.example.points.pointsAwarded", "points.awarded", "points.awarded.dlq",
            ONCE, new NoCodec());

    private static final OperationDescriptor RESERVE_STOCK = OperationDescriptor.unary("Inventory", "reserveStock",
            PolicySettings.NONE);

    private ConfigurableApplicationContext context;
    /** What the handler saw and did, per message. */
    private final BlockingQueue<Handled> handled = new LinkedBlockingQueue<>();
    /** The messages the handler published, as the broker carries them. */
    private final BlockingQueue<Message> published = new LinkedBlockingQueue<>();

    record OrderCreated(String sku) {}

    record PointsAwarded(String sku) {}

    /** The handler's log context and the trace header of a call it made. */
    record Handled(String traceId, String callTraceparent) {}

    @BeforeEach
    void start() {
        context = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
                .properties("spring.application.name=points", "management.tracing.sampling.probability=1.0")
                .run();
        MessageTransport broker = context.getBean(MessageTransport.class);
        broker.subscribe(new Subscription(POINTS_AWARDED.destination(), Subscription.Mode.PUBLISH_SUBSCRIBE, "audit",
                (message, delivery) -> published.add(message), ONCE, POINTS_AWARDED.deadLetter(), 1));
        MessagePublisher publisher = context.getBean(MessagePublisher.class);
        // The pipeline every generated client calls through, observed as the starter configures it; the attempt
        // keeps the headers the call would send.
        ClientPipeline calls = new ClientPipeline(context.getBean(PolicyEngine.class),
                context.getBean(ClientObservations.class), "rest");
        context.getBean(MessageListeners.class).listen(ORDER_CREATED, OrderCreated.class, created -> {
            Map<String, String> call = new HashMap<>();
            calls.call(RESERVE_STOCK, false, headers -> attempt -> {
                call.putAll(headers);
                return "reserved";
            }, null);
            publisher.publish(POINTS_AWARDED, new PointsAwarded(created.sku()), created.sku());
            handled.add(new Handled(MDC.get("traceId"), call.get("traceparent")));
        });
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void aMessageInAnUnsampledTraceKeepsItsTraceInTheLogsCallsAndPublishesWithNoSpanOfItsOwn() throws Exception {
        receive("00-" + TRACE_ID + "-" + PUBLISHER_SPAN_ID + "-00");

        Handled handler = handled.poll(10, TimeUnit.SECONDS);
        assertThat(handler).isNotNull();
        assertThat(handler.traceId()).as("the handler's MDC").isEqualTo(TRACE_ID);
        assertThat(handler.callTraceparent()).as("a call the handler makes").startsWith("00-" + TRACE_ID + "-").endsWith("-00");
        Message points = published.poll(10, TimeUnit.SECONDS);
        assertThat(points).isNotNull();
        assertThat(points.headers().get("traceparent")).as("a message the handler publishes")
                .isEqualTo("00-" + TRACE_ID + "-" + PUBLISHER_SPAN_ID + "-00");

        // Both observations stop after the handler returned (the producer's on the broker's confirm).
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        await("the consumer's, the client's and the producer's timers", () -> timed(meters, "consumer", "orderCreated") == 1
                && timed(meters, "client", "reserveStock") == 1 && timed(meters, "producer", "pointsAwarded") == 1);
        assertThat(switchboardObservationsSeenByTheTracer()).as("no span of Switchboard's own").isEmpty();
        assertThat(exportedSpans()).isEmpty();
    }

    @Test
    void aMessageInASampledTraceGetsItsSpansAsBefore() throws Exception {
        receive("00-" + TRACE_ID + "-" + PUBLISHER_SPAN_ID + "-01");

        Handled handler = handled.poll(10, TimeUnit.SECONDS);
        assertThat(handler).isNotNull();
        assertThat(handler.traceId()).isEqualTo(TRACE_ID);
        assertThat(handler.callTraceparent()).startsWith("00-" + TRACE_ID + "-").endsWith("-01");
        Message points = published.poll(10, TimeUnit.SECONDS);
        assertThat(points).isNotNull();
        assertThat(points.headers().get("traceparent")).startsWith("00-" + TRACE_ID + "-").endsWith("-01");

        assertThat(switchboardObservationsSeenByTheTracer()).containsExactlyInAnyOrder("consumer", "client", "producer");
        await("the consumer's, the client's and the producer's spans", () -> exportedSpans().stream()
                .map(SpanData::getKind).toList().containsAll(List.of(SpanKind.CONSUMER, SpanKind.CLIENT, SpanKind.PRODUCER)));
        List<SpanData> spans = exportedSpans();
        SpanData consumer = spans.stream().filter(span -> span.getKind() == SpanKind.CONSUMER).findFirst().orElseThrow();
        assertThat(consumer.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(consumer.getParentSpanId()).isEqualTo(PUBLISHER_SPAN_ID);
        assertThat(spans).filteredOn(span -> span.getKind() == SpanKind.PRODUCER)
                .singleElement().satisfies(producer -> assertThat(producer.getParentSpanId()).isEqualTo(consumer.getSpanId()));
        assertThat(spans).filteredOn(span -> span.getKind() == SpanKind.CLIENT)
                .singleElement().satisfies(client -> assertThat(client.getParentSpanId()).isEqualTo(consumer.getSpanId()));
    }

    private void receive(String traceparent) throws Exception {
        context.getBean(MessageTransport.class).publish(ORDER_CREATED.destination(), new Message(
                UUID.randomUUID().toString(), ORDER_CREATED.type(), "Orders", "sku-1", Instant.now(), "application/json",
                Map.of("traceparent", traceparent), "{\"sku\":\"sku-1\"}".getBytes(StandardCharsets.UTF_8)))
                .get(10, TimeUnit.SECONDS);
    }

    private static double timed(MeterRegistry meters, String kind, String operation) {
        Timer timer = meters.find("switchboard.call").tags("kind", kind, "operation", operation, "outcome", "OK").timer();
        return timer == null ? 0 : timer.count();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 10 s").isLessThan(giveUp);
            Thread.sleep(20);
        }
    }

    private List<String> switchboardObservationsSeenByTheTracer() {
        return context.getBean(SeenObservations.class).kinds;
    }

    private List<SpanData> exportedSpans() {
        assertThat(context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        return context.getBean(ExportedSpans.class).spans;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {

        /** A broker of this test's own: the shared embedded one keeps subscriptions across tests. */
        @Bean(destroyMethod = "close")
        MessageTransport broker() {
            return new EmbeddedBroker();
        }

        @Bean
        ExportedSpans exportedSpans() {
            return new ExportedSpans();
        }

        @Bean
        SeenObservations seenObservations() {
            return new SeenObservations();
        }
    }

    /** Switchboard's observations on Boot's registry (the tracer's), by kind. */
    static final class SeenObservations implements ObservationHandler<Observation.Context> {

        final List<String> kinds = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(Observation.Context context) {
            if ("switchboard.call".equals(context.getName())) {
                kinds.add(context.getLowCardinalityKeyValue("kind").getValue());
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    static final class ExportedSpans implements SpanExporter {

        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    /** The codec of a descriptor whose payloads travel as JSON here: never used. */
    static final class NoCodec implements ProtoCodec<Object> {

        @Override
        public void write(Object value, CodedOutputStream out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int size(Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object read(CodedInputStream in) {
            throw new UnsupportedOperationException();
        }
    }
}
