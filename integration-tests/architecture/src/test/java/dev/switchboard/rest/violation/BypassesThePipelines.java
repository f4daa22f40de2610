package dev.switchboard.rest.violation;

import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.resilience.ClientPolicy;
import dev.switchboard.spring.SwitchboardProperties;

/** A transport class using a starter and doing the pipelines' work itself; see ArchitectureRulesCanFailTest. */
public class BypassesThePipelines {
    SwitchboardProperties properties;
    ClientPolicy policy;

    void handle(OperationDescriptor operation) {
        try (CallContext.Scope scope = CallContext.enter(operation, null)) {
            policy.settings();
        }
    }
}
