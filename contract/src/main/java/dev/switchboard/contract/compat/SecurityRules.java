package dev.switchboard.contract.compat;

import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.Security;
import dev.switchboard.contract.model.Security.Scheme;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may call: anything that refuses a caller the baseline accepted breaks it (a new security
 * section, an operation that is no longer public, a newly required scope, a scheme taken away);
 * anything that accepts more callers is compatible. Operations added or removed are
 * {@link OperationRules}' business.
 */
final class SecurityRules {

    private final ServiceContract baseline;
    private final ServiceContract current;
    private final Findings findings;

    SecurityRules(ServiceContract baseline, ServiceContract current, Findings findings) {
        this.baseline = baseline;
        this.current = current;
        this.findings = findings;
    }

    void check() {
        if (!baseline.isSecured() && current.isSecured()) {
            sectionAdded(current.security());
            return;
        }
        if (baseline.isSecured() && !current.isSecured()) {
            findings.compatible("security-removed", "security", current.position(),
                    "every operation is public now; every caller is still accepted");
            return;
        }
        if (baseline.isSecured()) {
            schemes(baseline.security(), current.security());
        }
        for (Operation old : baseline.operations()) {
            Operation now = current.operations().stream().filter(o -> o.name().equals(old.name())).findFirst()
                    .orElse(null);
            if (now != null) {
                operation(old, now);
            }
        }
    }

    /** Breaking when an operation callers already use now needs credentials; one finding for the section. */
    private void sectionAdded(Security security) {
        List<Operation> closed = new ArrayList<>();
        for (Operation old : baseline.operations()) {
            if (current.operations().stream().anyMatch(now -> now.name().equals(old.name()) && !current.isPublic(now))) {
                closed.add(old);
            }
        }
        if (closed.isEmpty()) {
            findings.compatible("security-added", "security", security.position(),
                    "every operation of the baseline stays public");
        } else {
            findings.breaking("security-added", "security", security.position(),
                    "callers without credentials are now refused (UNAUTHENTICATED) by "
                            + String.join(", ", closed.stream().map(Operation::name).toList()),
                    OperationRules.callers(closed));
        }
    }

    private void schemes(Security old, Security now) {
        for (Scheme scheme : old.schemes()) {
            if (!now.schemes().contains(scheme)) {
                findings.breaking("scheme-removed", "security", now.position(),
                        "callers that authenticate with " + scheme.spelling() + " are refused",
                        OperationRules.callers(baseline.operations()));
            }
        }
        for (Scheme scheme : now.schemes()) {
            if (!old.schemes().contains(scheme)) {
                findings.compatible("scheme-added", "security", now.position(),
                        "callers may now also authenticate with " + scheme.spelling());
            }
        }
    }

    private void operation(Operation old, Operation now) {
        String subject = "operation " + old.name();
        boolean wasPublic = baseline.isPublic(old);
        boolean isPublic = current.isPublic(now);
        if (wasPublic && !isPublic) {
            findings.breaking("operation-secured", subject, now.position(),
                    "was public, now needs an authenticated caller"
                            + (now.scopes().isEmpty() ? "" : " with " + String.join(", ", now.scopes()))
                            + ": callers without credentials are refused", OperationRules.callers(old));
            return;
        }
        if (!wasPublic && isPublic) {
            findings.compatible("operation-made-public", subject, now.position(), "no credentials needed any more");
            return;
        }
        if (isPublic) {
            return;
        }
        for (String scope : now.scopes()) {
            if (!old.scopes().contains(scope)) {
                findings.breaking("scope-required", subject, now.position(), "now also requires scope " + scope
                        + ": callers granted only the baseline's scopes are refused (PERMISSION_DENIED)",
                        OperationRules.callers(old));
            }
        }
        for (String scope : old.scopes()) {
            if (!now.scopes().contains(scope)) {
                findings.compatible("scope-dropped", subject, now.position(), "no longer requires scope " + scope);
            }
        }
    }
}
