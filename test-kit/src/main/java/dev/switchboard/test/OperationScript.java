package dev.switchboard.test;

import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one operation of a stub answers, call after call: scripted steps first, in order ({@link #failTimes}), then
 * the standing answer. Answers and errors are checked against the contract when they are scripted, so a test cannot
 * rely on something the real service would never send.
 */
public final class OperationScript {

    private final ContractStub stub;
    private final Operation operation;
    private final JsonMapper json;
    private final Deque<Response> steps = new ArrayDeque<>();
    private Response standing;
    private Duration delay = Duration.ZERO;

    OperationScript(ContractStub stub, Operation operation, JsonMapper json) {
        this.stub = stub;
        this.operation = operation;
        this.json = json;
        this.standing = Response.failure(ErrorCode.UNIMPLEMENTED, ErrorCode.UNIMPLEMENTED.name(),
                "the stub of " + stub.service() + " has no answer scripted for " + operation.name(), Map.of());
    }

    /**
     * Answer every call with {@code body}: a generated record, a map, anything Jackson writes as the output type.
     * An operation that streams its answers sends this one message.
     */
    public OperationScript answer(Object body) {
        standing = new Response(List.of(checked(body)), null);
        return this;
    }

    /** Answer every call of an operation that streams its answers with these messages, in order, then the end. */
    public OperationScript answerStream(List<?> messages) {
        if (!operation.outputStream()) {
            throw new ContractViolation(stub.service() + "." + operation.name() + " answers one " + operation.output()
                    + ", not a stream; use answer(...)");
        }
        standing = new Response(messages.stream().map(this::checked).toList(), null);
        return this;
    }

    private JsonNode checked(Object body) {
        JsonNode tree = json.valueToTree(body);
        List<String> problems = stub.check().problems(operation.output(), tree);
        if (!problems.isEmpty()) {
            throw new ContractViolation(stub.service() + "." + operation.name() + " cannot answer " + tree + ": "
                    + String.join("; ", problems));
        }
        return tree;
    }

    /** Answer every call with the contract error {@code name}, which the operation must declare. */
    public OperationScript error(String name, String detail, Map<String, String> details) {
        ErrorDefinition error = stub.contract().error(name).orElse(null);
        if (error == null || !operation.errors().contains(name)) {
            throw new ContractViolation(stub.service() + "." + operation.name() + " does not declare the error " + name
                    + " (it declares " + operation.errors() + ")");
        }
        standing = Response.failure(ErrorCode.valueOf(error.code()), name, detail, details);
        return this;
    }

    /**
     * The next {@code times} calls fail with {@code code} (an outage: UNAVAILABLE, RESOURCE_EXHAUSTED, ...) before the
     * standing answer; for the caller's retries and circuit breaker.
     */
    public OperationScript failTimes(int times, ErrorCode code) {
        for (int i = 0; i < times; i++) {
            steps.add(Response.failure(code, code.name(), "scripted failure " + (i + 1) + " of " + times, Map.of()));
        }
        return this;
    }

    /** Every answer waits {@code delay} first; for the caller's timeouts. */
    public OperationScript delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Back to the stub, to script another operation. */
    public ContractStub and() {
        return stub;
    }

    synchronized Response next() {
        Response step = steps.poll();
        return step != null ? step : standing;
    }

    Duration delay() {
        return delay;
    }

    /**
     * What one call gets: the answers (one, or a stream's messages) or a failure as the real service would raise it,
     * which each transport then sends in its own form (problem+json, a gRPC status with ErrorInfo).
     */
    record Response(List<JsonNode> answers, SwitchboardException failure) {

        static Response failure(ErrorCode code, String name, String detail, Map<String, String> details) {
            return new Response(List.of(), new SwitchboardException(code, name, detail, details));
        }
    }
}
