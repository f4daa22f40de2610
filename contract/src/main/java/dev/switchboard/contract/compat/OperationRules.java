package dev.switchboard.contract.compat;

import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.model.HttpBinding;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Operations (shape, types, idempotency), their HTTP bindings, and error codes. */
final class OperationRules {

    private final ServiceContract baseline;
    private final ServiceContract current;
    private final Findings findings;

    OperationRules(ServiceContract baseline, ServiceContract current, Findings findings) {
        this.baseline = baseline;
        this.current = current;
        this.findings = findings;
    }

    void check() {
        for (Operation old : baseline.operations()) {
            String subject = "operation " + old.name();
            Set<Audience> callers = callers(old);
            Operation now = current.operations().stream().filter(o -> o.name().equals(old.name())).findFirst().orElse(null);
            if (now == null) {
                findings.breaking("operation-removed", subject, old.position(),
                        "removed (or renamed, which is the same to a caller): calls built on the baseline fail", callers);
                continue;
            }
            if (now.mode() != old.mode()) {
                findings.breaking("streaming-changed", subject, now.position(),
                        old.mode() + " became " + now.mode() + ": the call has another shape", callers);
            }
            if (!now.input().equals(old.input())) {
                findings.breaking("input-changed", subject, now.position(),
                        "input " + old.input() + " became " + now.input(), callers);
            }
            if (!now.output().equals(old.output())) {
                findings.breaking("output-changed", subject, now.position(),
                        "output " + old.output() + " became " + now.output(), callers);
            }
            if (old.idempotent() && !now.idempotent()) {
                findings.breaking("idempotency-dropped", subject, now.position(),
                        "no longer idempotent: callers built on the baseline retry it and may act twice", callers);
            }
            http(subject, old, now);
        }
        for (Operation now : current.operations()) {
            if (baseline.operations().stream().noneMatch(o -> o.name().equals(now.name()))) {
                findings.compatible("operation-added", "operation " + now.name(), now.position(),
                        "a new operation breaks no existing caller");
            }
        }
        for (ErrorDefinition old : baseline.errors()) {
            ErrorDefinition now = current.error(old.name()).orElse(null);
            if (now != null && !now.code().equals(old.code())) {
                findings.breaking("error-code-changed", "error " + old.name(), now.position(),
                        old.code() + " became " + now.code() + ": callers see another status and retry differently",
                        EnumSet.of(Audience.GRPC, Audience.REST));
            }
        }
    }

    private void http(String subject, Operation old, Operation now) {
        HttpBinding before = old.http();
        HttpBinding after = now.http();
        if (before == null) {
            if (after != null) {
                findings.compatible("http-binding-added", subject, after.position(), "now also reachable over HTTP");
            }
            return;
        }
        if (after == null) {
            findings.breaking("http-binding-removed", subject, now.position(),
                    "no longer reachable over HTTP", Set.of(Audience.REST));
        } else if (before.method() != after.method() || !Objects.equals(before.path(), after.path())) {
            findings.breaking("http-route-changed", subject, after.position(),
                    before.method() + " " + before.path() + " became " + after.method() + " " + after.path()
                            + ": REST callers built on the baseline call a route that no longer exists", Set.of(Audience.REST));
        }
    }

    static Set<Audience> callers(Operation operation) {
        return operation.http() == null ? Set.of(Audience.GRPC) : EnumSet.of(Audience.GRPC, Audience.REST);
    }

    /** Everyone who calls any of {@code operations}. */
    static Set<Audience> callers(List<Operation> operations) {
        Set<Audience> callers = EnumSet.noneOf(Audience.class);
        operations.forEach(operation -> callers.addAll(callers(operation)));
        return callers;
    }
}
