package dev.switchboard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.RetryLaterException;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.observation.ServerObservations;
import dev.switchboard.runtime.policy.CallShape;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RateLimitSettings;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.resilience.PolicyOverrides;
import dev.switchboard.runtime.security.Access;
import dev.switchboard.runtime.security.Caller;
import dev.switchboard.runtime.validation.ConstraintCheck;
import dev.switchboard.runtime.validation.ConstraintViolation;
import dev.switchboard.runtime.validation.Validatable;
import dev.switchboard.runtime.validation.ValidationException;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The server pipeline with fake transports: every branch of a unary and a streaming call. */
class ServerPipelineTest {

    private static final OperationDescriptor GET_ORDER = operation("getOrder", CallShape.UNARY, PolicySettings.NONE);
    private static final OperationDescriptor WATCH = operation("watchOrders", CallShape.SERVER_STREAM, PolicySettings.NONE);

    private static final OperationDescriptor PLACE_ORDER = operation("placeOrder", CallShape.UNARY, PolicySettings.NONE)
            .withAccess(Access.scopes("orders:write"));

    private final RecordedCalls calls = new RecordedCalls();
    private final AtomicReference<Caller> caller = new AtomicReference<>();
    private final ServerPipeline pipeline = new ServerPipeline(new PolicyEngine(PolicyOverrides.none()), calls.registry,
            "fake", () -> Optional.ofNullable(caller.get()));

    /** An input whose constraints the test decides. */
    record Query(String id, List<ConstraintViolation> broken) implements Validatable {
        Query(String id) {
            this(id, List.of());
        }

        @Override
        public void validate(ConstraintCheck check) {
            broken.forEach(violation -> check.violation(violation.field(), violation.message()));
        }
    }

    // ---- unary

    @Test
    void aUnaryCallRunsTheHandlerInItsContextAndRecordsOk() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(30));
        FakeUnary<Query> call = new FakeUnary<>(() -> new Query("o-1"), deadline);
        AtomicReference<CallContext> context = new AtomicReference<>();

        String answer = pipeline.unary(GET_ORDER, call, input -> {
            context.set(CallContext.current().orElseThrow());
            return "order " + input.id();
        });

        assertThat(answer).isEqualTo("200 order o-1");
        assertThat(call.events).containsExactly("observed", "deadline", "decode", "respond", "finished OK");
        assertThat(context.get().operation()).isEqualTo(GET_ORDER);
        assertThat(context.get().deadline()).contains(deadline);
        assertThat(CallContext.current()).isEmpty();
        assertThat(calls.only()).isEqualTo(new RecordedCalls.Call("Orders", "getOrder", "fake", "server", "OK", null,
                RecordedCalls.SENT_TRACE));
    }

    @Test
    void aContractErrorIsAnsweredAsItIs() {
        SwitchboardException notFound = new SwitchboardException(ErrorCode.NOT_FOUND, "OrderNotFound", "no o-9", Map.of());
        FakeUnary<Query> call = new FakeUnary<>(() -> new Query("o-9"), null);

        String answer = pipeline.unary(GET_ORDER, call, input -> {
            throw notFound;
        });

        assertThat(answer).isEqualTo("failed NOT_FOUND");
        assertThat(call.failure).isSameAs(notFound);
        assertThat(calls.only().outcome()).isEqualTo("NOT_FOUND");
        assertThat(calls.only().error()).isSameAs(notFound);
        assertThat(call.events).last().isEqualTo("finished NOT_FOUND");
    }

    // ---- a unary call the transport already observes

    private final RecordedCalls metered = new RecordedCalls();
    private final ServerPipeline nested = new ServerPipeline(new PolicyEngine(PolicyOverrides.none()),
            new ServerObservations(calls.registry, metered.registry), "fake", () -> Optional.ofNullable(caller.get()));

    @Test
    void aCallTheTransportObservesIsMeteredBesideItAndNotTracedTwice() {
        Observation transport = transportObservation("http.server.requests");
        AtomicReference<Observation> current = new AtomicReference<>();
        try (Observation.Scope scope = transport.openScope()) {
            String answer = nested.unary(GET_ORDER, new FakeUnary<>(() -> new Query("o-1"), null), input -> {
                current.set(calls.registry.getCurrentObservation());
                return "order " + input.id();
            });
            assertThat(answer).isEqualTo("200 order o-1");
        }
        transport.stop();

        assertThat(calls.started).as("no second traced observation").isEmpty();
        assertThat(metered.only()).isEqualTo(new RecordedCalls.Call("Orders", "getOrder", "fake", "server", "OK", null, null));
        assertThat(current.get()).as("the transport's observation stays current").isSameAs(transport);
        assertThat(transport.getContext().getHighCardinalityKeyValues())
                .extracting(KeyValue::getKey, KeyValue::getValue)
                .contains(tuple("service", "Orders"), tuple("operation", "getOrder"), tuple("transport", "fake"),
                        tuple("kind", "server"), tuple("outcome", "OK"));
    }

    @Test
    void theOutcomeReachesTheTransportsObservationBeforeTheTransportAnswers() {
        Observation transport = transportObservation("grpc.server");
        AtomicReference<String> outcomeWhenAnswered = new AtomicReference<>();
        FakeUnary<Query> call = new FakeUnary<>(() -> new Query("o-9"), null) {
            @Override
            public String failed(SwitchboardException failure) {
                outcomeWhenAnswered.set(transport.getContext().getHighCardinalityKeyValue("outcome").getValue());
                return super.failed(failure);
            }
        };
        try (Observation.Scope scope = transport.openScope()) {
            nested.unary(GET_ORDER, call, input -> {
                throw new SwitchboardException(ErrorCode.NOT_FOUND, "OrderNotFound", "no o-9", Map.of());
            });
        }

        assertThat(outcomeWhenAnswered.get()).isEqualTo("NOT_FOUND");
        assertThat(metered.only().outcome()).isEqualTo("NOT_FOUND");
        assertThat(metered.only().error()).isInstanceOf(SwitchboardException.class);
    }

    @Test
    void aCallIsNestedInTheTransportsObservationAlsoBelowAnotherOne() {
        Observation transport = transportObservation("http.server.requests");
        try (Observation.Scope outer = transport.openScope()) {
            Observation security = Observation.start("spring.security.http.secured.requests", calls.registry);
            try (Observation.Scope inner = security.openScope()) {
                nested.unary(GET_ORDER, new FakeUnary<>(() -> new Query("o-1"), null), input -> "order");
            }
            security.stop();
            assertThat(security.getContext().getHighCardinalityKeyValues()).isEmpty();
        }
        transport.stop();

        assertThat(calls.started).isEmpty();
        assertThat(metered.only().outcome()).isEqualTo("OK");
        assertThat(transport.getContext().getHighCardinalityKeyValue("operation").getValue()).isEqualTo("getOrder");
    }

    @Test
    void insideAnObservationThatIsNotATransportsServerTheCallIsObservedInFull() {
        Observation unrelated = Observation.start("some.work", calls.registry);
        try (Observation.Scope scope = unrelated.openScope()) {
            nested.unary(GET_ORDER, new FakeUnary<>(() -> new Query("o-1"), null), input -> "order");
        }
        unrelated.stop();

        assertThat(metered.started).isEmpty();
        assertThat(calls.only().outcome()).isEqualTo("OK");
        assertThat(unrelated.getContext().getHighCardinalityKeyValues()).isEmpty();
    }

    /** What Spring MVC and Spring gRPC start for each call: a receiver's observation. */
    private Observation transportObservation(String name) {
        return Observation.start(name, () -> new RequestReplyReceiverContext<Object, Object>((carrier, key) -> null),
                calls.registry);
    }

    @Test
    void withoutATransportObservationTheCallIsObservedInFull() {
        nested.unary(GET_ORDER, new FakeUnary<>(() -> new Query("o-1"), null), input -> "order");

        assertThat(metered.started).isEmpty();
        assertThat(calls.only()).isEqualTo(new RecordedCalls.Call("Orders", "getOrder", "fake", "server", "OK", null,
                RecordedCalls.SENT_TRACE));
    }

    // ---- access

    @Test
    void aSecuredOperationRefusesAnAnonymousCallBeforeTheHandlerAndRecordsIt() {
        FakeUnary<Query> call = new FakeUnary<>(() -> new Query("o-1"), null);

        String answer = pipeline.unary(PLACE_ORDER, call, input -> "placed");

        assertThat(answer).isEqualTo("failed UNAUTHENTICATED");
        assertThat(call.events).doesNotContain("decode");
        assertThat(calls.only().outcome()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aCallerWithoutEveryScopeIsDeniedNamingWhatIsMissing() {
        caller.set(new Caller("alice", Set.of("orders:read"), Map.of(), Optional.empty()));
        FakeUnary<Query> call = new FakeUnary<>(() -> new Query("o-1"), null);

        String answer = pipeline.unary(PLACE_ORDER, call, input -> "placed");

        assertThat(answer).isEqualTo("failed PERMISSION_DENIED");
        assertThat(call.failure.details()).containsEntry("missingScopes", "orders:write");
        assertThat(calls.only().outcome()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void theHandlerSeesTheCallerItAdmitted() {
        Caller alice = new Caller("alice", Set.of("orders:write", "orders:read"), Map.of("aud", "orders"),
                Optional.of("token"));
        caller.set(alice);
        FakeUnary<Query> call = new FakeUnary<>(() -> new Query("o-1"), null);

        String answer = pipeline.unary(PLACE_ORDER, call,
                input -> CallContext.current().flatMap(CallContext::caller).orElseThrow().subject());

        assertThat(answer).isEqualTo("200 alice");
    }

    @Test
    void aPublicOperationAdmitsAnonymousCalls() {
        FakeUnary<Query> call = new FakeUnary<>(() -> new Query("o-1"), null);

        assertThat(pipeline.unary(GET_ORDER, call, input -> "order")).isEqualTo("200 order");
    }

    @Test
    void aSecuredStreamIsRejectedWhenItOpens() {
        FakeStream<Query> call = new FakeStream<>(() -> new Query("c-1"));

        assertThat(pipeline.stream(WATCH.withAccess(Access.AUTHENTICATED), call)).isEqualTo("rejected UNAUTHENTICATED");
        assertThat(calls.only().outcome()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aFailureJoinedFromAFutureIsAnsweredByItsCodeNotAsInternal() {
        SwitchboardException unconfirmed = new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE",
                "the broker did not take the event", Map.of());
        FakeUnary<Query> call = new FakeUnary<>(() -> new Query("o-1"), null);

        String answer = pipeline.unary(GET_ORDER, call, input -> {
            throw new CompletionException(new ExecutionException(unconfirmed));
        });

        assertThat(answer).isEqualTo("failed UNAVAILABLE");
        assertThat(call.failure).isSameAs(unconfirmed);
        assertThat(calls.only().outcome()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void aBugIsLoggedOnceAndAnsweredAsInternalWithoutItsMessage() {
        IllegalStateException bug = new IllegalStateException("secret detail");
        FakeUnary<Query> call = new FakeUnary<>(() -> new Query("o-1"), null);
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(ServerPipeline.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        try {
            pipeline.unary(GET_ORDER, call, input -> {
                throw bug;
            });
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(true);
        }

        assertThat(call.failure.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(call.failure).hasMessage("internal error in Orders/getOrder").hasCause(bug);
        assertThat(calls.only().outcome()).isEqualTo("INTERNAL");
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getMessage()).isEqualTo("Orders/getOrder failed unexpectedly");
            assertThat(record.getThrown()).isSameAs(bug);
        });
    }

    @Test
    void aCallOverTheRateLimitIsRejectedWithWhenToRetryBeforeAnythingIsRead() {
        OperationDescriptor limited = operation("getOrder", CallShape.UNARY,
                new PolicySettings(null, null, null, null, null, new RateLimitSettings(1, Duration.ofHours(1))));
        pipeline.unary(limited, new FakeUnary<>(() -> new Query("o-1"), null), Query::id);
        FakeUnary<Query> second = new FakeUnary<>(() -> new Query("o-2"), null);

        pipeline.unary(limited, second, input -> {
            throw new AssertionError("the handler must not run");
        });

        assertThat(second.failure).isInstanceOfSatisfying(RetryLaterException.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
            assertThat(rejected.retryAfter()).isPresent();
        });
        assertThat(second.events).containsExactly("observed", "deadline", "failed RESOURCE_EXHAUSTED",
                "finished RESOURCE_EXHAUSTED");
        assertThat(calls.stopped).extracting(RecordedCalls.Call::outcome).containsExactly("OK", "RESOURCE_EXHAUSTED");
    }

    @Test
    void anInvalidInputIsRejectedWithEveryViolation() {
        List<ConstraintViolation> broken = List.of(new ConstraintViolation("id", "is required"),
                new ConstraintViolation("items[1].quantity", "must be at least 1"));
        FakeUnary<Query> call = new FakeUnary<>(() -> new Query("", broken), null);

        pipeline.unary(GET_ORDER, call, input -> {
            throw new AssertionError("the handler must not run");
        });

        assertThat(call.failure).isInstanceOfSatisfying(ValidationException.class,
                invalid -> assertThat(invalid.violations()).isEqualTo(broken));
        assertThat(calls.only().outcome()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void aCallWhoseDeadlinePassedIsNotHandledAndFreesItsPermit() {
        OperationDescriptor single = operation("getOrder", CallShape.UNARY,
                new PolicySettings(null, null, null, null, 1, null));
        FakeUnary<Query> late = new FakeUnary<>(() -> new Query("o-1"), Deadline.after(Duration.ZERO));

        pipeline.unary(single, late, input -> {
            throw new AssertionError("the handler must not run");
        });

        assertThat(late.failure.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        assertThat(late.failure).hasMessage("the caller's deadline passed before Orders/getOrder started");
        assertThat(pipeline.unary(single, new FakeUnary<>(() -> new Query("o-2"), null), Query::id)).isEqualTo("200 o-2");
    }

    @Test
    void aMalformedDeadlineIsRejectedBeforeAdmission() {
        ValidationException malformed = new ValidationException(List.of(new ConstraintViolation("timeout", "not a number")));
        FakeUnary<Query> call = new FakeUnary<>(() -> new Query("o-1"), null) {
            @Override
            public Deadline deadline() {
                events.add("deadline");
                throw malformed;
            }
        };

        pipeline.unary(GET_ORDER, call, Query::id);

        assertThat(call.failure).isSameAs(malformed);
        assertThat(call.events).doesNotContain("decode");
    }

    @Test
    void anAnswerReplayedWithoutTheHandlerRecordsTheFailureItStandsFor() {
        SwitchboardException replayed = new SwitchboardException(ErrorCode.NOT_FOUND, "NOT_FOUND", "replayed 404", Map.of());
        FakeUnary<Query> call = new FakeUnary<>(() -> new Query("o-1"), null) {
            @Override
            public String respond(Supplier<String> output) {
                return "404 replayed";
            }

            @Override
            public SwitchboardException failureOf(String answer) {
                return answer.startsWith("404") ? replayed : null;
            }
        };

        assertThat(pipeline.unary(GET_ORDER, call, input -> {
            throw new AssertionError("a replay does not run the handler");
        })).isEqualTo("404 replayed");
        assertThat(calls.only().outcome()).isEqualTo("NOT_FOUND");
    }

    // ---- streaming

    @Test
    void anAdmittedStreamHoldsItsPermitUntilItEndsOnAnotherThread() throws Exception {
        OperationDescriptor single = operation("watchOrders", CallShape.SERVER_STREAM,
                new PolicySettings(null, null, null, null, 1, null));
        FakeStream<Query> first = new FakeStream<>(() -> new Query("c-1"));
        assertThat(pipeline.stream(single, first)).isEqualTo("accepted");

        FakeStream<Query> second = new FakeStream<>(() -> new Query("c-2"));
        assertThat(pipeline.stream(single, second)).isEqualTo("rejected RESOURCE_EXHAUSTED");
        assertThat(calls.stopped).extracting(RecordedCalls.Call::outcome).containsExactly("RESOURCE_EXHAUSTED");

        AtomicReference<String> seen = new AtomicReference<>();
        CompletableFuture.runAsync(() -> first.stream.run(first.responses, input -> seen.set(input.id() + " in "
                + CallContext.current().orElseThrow().operation().name()))).get(10, TimeUnit.SECONDS);

        assertThat(seen.get()).isEqualTo("c-1 in watchOrders");
        assertThat(first.responses.events).containsExactly("complete");
        assertThat(first.events).last().isEqualTo("finished OK");
        assertThat(calls.stopped).extracting(RecordedCalls.Call::outcome).containsExactly("RESOURCE_EXHAUSTED", "OK");
        assertThat(pipeline.stream(single, new FakeStream<>(() -> new Query("c-3")))).isEqualTo("accepted");
    }

    @Test
    void aStreamWithAnInvalidRequestIsRejectedWhenItOpens() {
        FakeStream<Query> call = new FakeStream<>(() -> new Query("", List.of(new ConstraintViolation("customerId", "is required"))));

        assertThat(pipeline.stream(WATCH, call)).isEqualTo("rejected INVALID_ARGUMENT");
        assertThat(call.stream).isNull();
        assertThat(calls.only().outcome()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void aStreamWhoseDeadlinePassedIsRejectedWhenItOpens() {
        FakeStream<Query> call = new FakeStream<>(() -> new Query("c-1"));
        call.deadline = Deadline.after(Duration.ZERO);

        assertThat(pipeline.stream(WATCH, call)).isEqualTo("rejected DEADLINE_EXCEEDED");
    }

    @Test
    void aStreamObservationStopsOnlyWhenTheStreamEnds() {
        FakeStream<Query> call = new FakeStream<>(() -> new Query("c-1"));
        pipeline.stream(WATCH, call);
        assertThat(calls.started).hasSize(1);
        assertThat(calls.stopped).isEmpty();

        call.stream.run(call.responses, input -> {});

        assertThat(calls.only().outcome()).isEqualTo("OK");
    }

    @Test
    void aStreamHandlerErrorEndsTheStreamWithIt() {
        SwitchboardException locked = new SwitchboardException(ErrorCode.FAILED_PRECONDITION, "OrderLocked", "locked", Map.of());
        FakeStream<Query> call = new FakeStream<>(() -> new Query("c-1"));
        pipeline.stream(WATCH, call);

        call.stream.run(call.responses, input -> {
            throw locked;
        });

        assertThat(call.responses.events).containsExactly("fail FAILED_PRECONDITION");
        assertThat(call.responses.failure).isSameAs(locked);
        assertThat(calls.only().outcome()).isEqualTo("FAILED_PRECONDITION");
    }

    @Test
    void aStreamHandlerBugEndsTheStreamAsInternal() {
        FakeStream<Query> call = new FakeStream<>(() -> new Query("c-1"));
        pipeline.stream(WATCH, call);

        call.stream.run(call.responses, input -> {
            throw new IllegalStateException("bug");
        });

        assertThat(call.responses.events).containsExactly("fail INTERNAL");
        assertThat(call.responses.failure).hasMessage("internal error in Orders/watchOrders");
        assertThat(calls.only().outcome()).isEqualTo("INTERNAL");
    }

    @Test
    void aStreamTheClientCancelledIsLeftAloneAndRecordedAsCancelled() {
        FakeStream<Query> call = new FakeStream<>(() -> new Query("c-1"));
        pipeline.stream(WATCH, call);

        call.stream.run(call.responses, input -> call.responses.cancelled = true);

        assertThat(call.responses.events).isEmpty();
        assertThat(calls.only().outcome()).isEqualTo("CANCELLED");
    }

    @Test
    void aWriteFailingAfterTheClientCancelledIsNoBug() {
        FakeStream<Query> call = new FakeStream<>(() -> new Query("c-1"));
        pipeline.stream(WATCH, call);

        call.stream.run(call.responses, input -> {
            call.responses.cancelled = true;
            throw new IllegalStateException("stream closed");
        });

        assertThat(call.responses.events).isEmpty();
        assertThat(calls.only().outcome()).isEqualTo("CANCELLED");
    }

    @Test
    void aStreamRunsOnce() {
        FakeStream<Query> call = new FakeStream<>(() -> new Query("c-1"));
        pipeline.stream(WATCH, call);
        call.stream.run(call.responses, input -> {});

        assertThatThrownBy(() -> call.stream.run(call.responses, input -> {}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("runs once");
        assertThat(calls.stopped).hasSize(1);
    }

    @Test
    void aStreamTheTransportCannotStartIsAbandonedAndFreesItsPermit() {
        OperationDescriptor single = operation("watchOrders", CallShape.SERVER_STREAM,
                new PolicySettings(null, null, null, null, 1, null));
        FakeStream<Query> call = new FakeStream<>(() -> new Query("c-1")) {
            @Override
            public String accepted(ServerStream<Query> stream) {
                throw new IllegalStateException("no thread to run it on");
            }
        };

        assertThat(pipeline.stream(single, call)).isEqualTo("rejected INTERNAL");
        assertThat(calls.only().outcome()).isEqualTo("INTERNAL");
        assertThat(pipeline.stream(single, new FakeStream<>(() -> new Query("c-2")))).isEqualTo("accepted");
    }

    private static OperationDescriptor operation(String name, CallShape shape, PolicySettings policy) {
        return new OperationDescriptor("Orders", name, true, shape, policy);
    }

    /** A transport's per-call adapter that writes down what the pipeline asked of it. */
    private abstract static class FakeCall<I> implements IncomingCall {
        final List<String> events = new CopyOnWriteArrayList<>();
        private final Supplier<I> input;
        Deadline deadline;

        FakeCall(Supplier<I> input) {
            this.input = input;
        }

        public I decode() {
            events.add("decode");
            return input.get();
        }

        @Override
        public String header(String name) {
            return RecordedCalls.TRACEPARENT.equals(name) ? RecordedCalls.SENT_TRACE : null;
        }

        @Override
        public Deadline deadline() {
            events.add("deadline");
            return deadline;
        }

        @Override
        public void observed() {
            events.add("observed");
        }

        @Override
        public void finished(SwitchboardException outcome) {
            events.add("finished " + (outcome == null ? "OK" : outcome.code()));
        }
    }

    private static class FakeUnary<I> extends FakeCall<I> implements UnaryExchange<I, String, String> {
        SwitchboardException failure;

        FakeUnary(Supplier<I> input, Deadline deadline) {
            super(input);
            this.deadline = deadline;
        }

        @Override
        public String respond(Supplier<String> output) {
            String answer = output.get();
            events.add("respond");
            return "200 " + answer;
        }

        @Override
        public String failed(SwitchboardException failure) {
            this.failure = failure;
            events.add("failed " + failure.code());
            return "failed " + failure.code();
        }
    }

    private static class FakeStream<I> extends FakeCall<I> implements StreamExchange<I, String> {
        final FakeResponses responses = new FakeResponses();
        ServerStream<I> stream;

        FakeStream(Supplier<I> input) {
            super(input);
        }

        @Override
        public String accepted(ServerStream<I> stream) {
            this.stream = stream;
            return "accepted";
        }

        @Override
        public String rejected(SwitchboardException failure) {
            return "rejected " + failure.code();
        }
    }

    private static final class FakeResponses implements ResponseStream {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile boolean cancelled;
        SwitchboardException failure;

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void complete() {
            events.add("complete");
        }

        @Override
        public void fail(SwitchboardException failure) {
            this.failure = failure;
            events.add("fail " + failure.code());
        }
    }
}
