package dev.switchboard.contract.compat;

import dev.switchboard.contract.model.ServiceContract;

/**
 * Compares a contract with a baseline (the previous release) and reports what breaks existing
 * gRPC and REST callers and event consumers, and what is a compatible evolution. The rules are
 * protobuf's wire rules plus what JSON, HTTP routes, validation and brokers add; the full list is
 * in docs/compat.md.
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {}

    public static CompatReport compare(ServiceContract baseline, ServiceContract current) {
        Findings findings = new Findings();
        new TypeRules(baseline, current, findings).check();
        new OperationRules(baseline, current, findings).check();
        new SecurityRules(baseline, current, findings).check();
        MessageRules messages = new MessageRules(findings);
        messages.check("event", baseline.events(), current.events());
        messages.check("command", baseline.commands(), current.commands());
        return findings.report();
    }
}
