package dev.switchboard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.policy.CallShape;
import dev.switchboard.runtime.policy.CircuitBreakerSettings;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RetrySettings;
import dev.switchboard.runtime.resilience.AttemptContext;
import dev.switchboard.runtime.resilience.CircuitOpenException;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.resilience.PolicyOverrides;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The client pipeline with a fake transport: attempts, retries, fallback, streams and their outcome. */
class ClientPipelineTest {

    private static final RetrySettings THREE_QUICK_ATTEMPTS =
            new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(1), 0.0, 1.0);

    private final RecordedCalls calls = new RecordedCalls();
    private final ClientPipeline pipeline =
            new ClientPipeline(new PolicyEngine(PolicyOverrides.none()), calls.registry, "fake");

    @Test
    void aCallPreparesOnceSendsTheTraceHeadersAndRecordsOk() {
        List<Map<String, String>> sent = new CopyOnWriteArrayList<>();
        AtomicInteger prepared = new AtomicInteger();
        AtomicReference<AttemptContext> attempt = new AtomicReference<>();

        String answer = pipeline.call(operation("getOrder", true, PolicySettings.NONE), false, headers -> {
            prepared.incrementAndGet();
            return context -> {
                attempt.set(context);
                sent.add(Map.copyOf(headers));
                return "order o-1";
            };
        }, null);

        assertThat(answer).isEqualTo("order o-1");
        assertThat(prepared).hasValue(1);
        assertThat(sent).singleElement().isEqualTo(Map.of(RecordedCalls.TRACEPARENT, RecordedCalls.SENT_TRACE));
        assertThat(attempt.get().attempt()).isEqualTo(1);
        assertThat(attempt.get().deadline().remaining()).isPositive();
        assertThat(calls.only()).isEqualTo(new RecordedCalls.Call("Orders", "getOrder", "fake", "client", "OK", null, null));
    }

    @Test
    void theObservationStopsInsideItsScopeSoATracerNeedNotMakeTheSpanCurrentAgain() {
        pipeline.call(operation("getOrder", true, PolicySettings.NONE), false, headers -> context -> "order o-1", null);
        assertThatThrownBy(() -> pipeline.call(operation("getOrder", true, PolicySettings.NONE), false,
                headers -> context -> {
                    throw new SwitchboardException(ErrorCode.NOT_FOUND, "OrderNotFound", "gone", Map.of());
                }, null)).isInstanceOf(SwitchboardException.class);

        assertThat(calls.lifecycle).containsExactly("start", "scope opened", "stop", "scope closed",
                "start", "scope opened", "stop", "scope closed");
    }

    @Test
    void retryableFailuresAreRetriedInOneObservation() {
        AtomicInteger attempts = new AtomicInteger();

        String answer = pipeline.call(operation("getOrder", true, retries(THREE_QUICK_ATTEMPTS)), false,
                headers -> context -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw unavailable();
                    }
                    return "attempt " + context.attempt();
                }, null);

        assertThat(answer).isEqualTo("attempt 3");
        assertThat(calls.only().outcome()).isEqualTo("OK");
        assertThat(calls.events).as("one event per retry, for switchboard.call.retry").containsExactly("retry", "retry");
    }

    @Test
    void whenTheRetriesAreSpentTheFallbackAnswers() {
        AtomicReference<SwitchboardException> degraded = new AtomicReference<>();

        String answer = pipeline.call(operation("getOrder", true, retries(THREE_QUICK_ATTEMPTS)), false,
                headers -> context -> {
                    throw unavailable();
                }, failure -> {
                    degraded.set(failure);
                    return "cached order";
                });

        assertThat(answer).isEqualTo("cached order");
        assertThat(degraded.get().code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(calls.only().outcome()).isEqualTo("OK");
    }

    @Test
    void withoutAFallbackTheLastFailureIsThrownAndRecorded() {
        assertThatThrownBy(() -> pipeline.call(operation("getOrder", true, retries(THREE_QUICK_ATTEMPTS)), false,
                headers -> context -> {
                    throw unavailable();
                }, null)).isInstanceOf(SwitchboardException.class).hasMessage("down");

        assertThat(calls.only().outcome()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void aContractErrorIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        SwitchboardException notFound = new SwitchboardException(ErrorCode.NOT_FOUND, "OrderNotFound", "no o-9", Map.of());

        assertThatThrownBy(() -> pipeline.call(operation("getOrder", true, retries(THREE_QUICK_ATTEMPTS)), false,
                headers -> context -> {
                    attempts.incrementAndGet();
                    throw notFound;
                }, failure -> "fallbacks are for outages")).isSameAs(notFound);

        assertThat(attempts).hasValue(1);
        assertThat(calls.only().outcome()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aNonIdempotentCallIsRetriedOnlyWhenItCarriesAnIdempotencyKey() {
        OperationDescriptor create = operation("createOrder", false, retries(THREE_QUICK_ATTEMPTS));
        AtomicInteger unkeyed = new AtomicInteger();
        AtomicInteger keyed = new AtomicInteger();

        assertThatThrownBy(() -> pipeline.call(create, false, headers -> context -> {
            unkeyed.incrementAndGet();
            throw unavailable();
        }, null)).hasMessage("down");
        assertThatThrownBy(() -> pipeline.call(create, true, headers -> context -> {
            keyed.incrementAndGet();
            throw unavailable();
        }, null)).hasMessage("down");

        assertThat(unkeyed).hasValue(1);
        assertThat(keyed).hasValue(3);
    }

    @Test
    void aTransportFailureOutsideTheTaxonomyIsRecordedAsUnknown() {
        assertThatThrownBy(() -> pipeline.call(operation("getOrder", true, noRetry()), false, headers -> context -> {
            throw new IllegalStateException("socket trouble");
        }, null)).isInstanceOfSatisfying(SwitchboardException.class,
                failure -> assertThat(failure.code()).isEqualTo(ErrorCode.UNKNOWN));

        assertThat(calls.only().outcome()).isEqualTo("UNKNOWN");
    }

    @Test
    void aCallThatCannotBePreparedIsRecordedAndThrown() {
        SwitchboardException noAddress = new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE", "no base URL", Map.of());

        assertThatThrownBy(() -> pipeline.call(operation("getOrder", true, PolicySettings.NONE), false, headers -> {
            throw noAddress;
        }, null)).isSameAs(noAddress);

        assertThat(calls.only().outcome()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void anOpenCircuitAnswersWithTheFallbackWithoutAnAttempt() {
        PolicySettings fragile = new PolicySettings(null, null, new RetrySettings(1, null, null, null, null),
                new CircuitBreakerSettings(50.0, 2, 2, Duration.ofHours(1)), null, null);
        OperationDescriptor get = operation("getOrder", true, fragile);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> pipeline.call(get, false, headers -> context -> {
                throw unavailable();
            }, null)).hasMessage("down");
        }
        AtomicInteger attempts = new AtomicInteger();

        String answer = pipeline.call(get, false, headers -> context -> {
            attempts.incrementAndGet();
            return "live";
        }, failure -> failure.getMessage());

        assertThat(answer).isEqualTo("circuit open for Orders/getOrder");
        assertThat(attempts).hasValue(0);
        assertThat(calls.events).as("the refusal is counted even though the fallback answered")
                .containsExactly("circuit.open");

        assertThatThrownBy(() -> pipeline.call(get, false, headers -> context -> "live", null))
                .isInstanceOf(CircuitOpenException.class);
        assertThat(calls.events).containsExactly("circuit.open", "circuit.open");
        assertThat(calls.stopped.get(calls.stopped.size() - 1).outcome()).isEqualTo("UNAVAILABLE");
    }

    // ---- streams

    @Test
    void aStreamIsOpenedOnceAndItsObservationEndsWithTheStream() {
        AtomicReference<StreamOutcome> reported = new AtomicReference<>();
        AtomicReference<Map<String, String>> sent = new AtomicReference<>();

        String stream = pipeline.open(operation("watchOrders", true, retries(THREE_QUICK_ATTEMPTS)), (headers, outcome) -> {
            reported.set(outcome);
            return context -> {
                sent.set(Map.copyOf(headers));
                return "stream";
            };
        });

        assertThat(stream).isEqualTo("stream");
        assertThat(sent.get()).containsEntry(RecordedCalls.TRACEPARENT, RecordedCalls.SENT_TRACE);
        assertThat(calls.started).hasSize(1);
        assertThat(calls.stopped).isEmpty();

        reported.get().completed();
        reported.get().failed(unavailable());

        assertThat(calls.only().outcome()).isEqualTo("OK");
    }

    @Test
    void aStreamThatFailsToOpenIsNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> pipeline.open(operation("watchOrders", true, retries(THREE_QUICK_ATTEMPTS)),
                (headers, outcome) -> context -> {
                    attempts.incrementAndGet();
                    throw unavailable();
                })).hasMessage("down");

        assertThat(attempts).hasValue(1);
        assertThat(calls.only().outcome()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void aStreamTheCallerClosesEarlyIsRecordedAsCancelled() {
        openStream().closedByCaller();

        assertThat(calls.only().outcome()).isEqualTo("CANCELLED");
        assertThat(calls.only().error()).hasMessage("the caller closed the stream of Orders/watchOrders");
    }

    @Test
    void aStreamThatFailsMidwayRecordsTheFailure() {
        StreamOutcome outcome = openStream();

        outcome.failed(new SwitchboardException(ErrorCode.DATA_LOSS, "DATA_LOSS", "torn", Map.of()));
        outcome.completed();

        assertThat(calls.only().outcome()).isEqualTo("DATA_LOSS");
    }

    /** Opens a stream and answers what it reports its end to. */
    private StreamOutcome openStream() {
        AtomicReference<StreamOutcome> reported = new AtomicReference<>();
        pipeline.open(operation("watchOrders", true, PolicySettings.NONE), (headers, outcome) -> {
            reported.set(outcome);
            return context -> "stream";
        });
        return reported.get();
    }

    private static OperationDescriptor operation(String name, boolean idempotent, PolicySettings policy) {
        return new OperationDescriptor("Orders", name, idempotent, CallShape.UNARY, policy);
    }

    private static PolicySettings retries(RetrySettings retry) {
        return new PolicySettings(null, null, retry, null, null, null);
    }

    private static PolicySettings noRetry() {
        return retries(new RetrySettings(1, null, null, null, null));
    }

    private static SwitchboardException unavailable() {
        return new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE", "down", Map.of());
    }
}
