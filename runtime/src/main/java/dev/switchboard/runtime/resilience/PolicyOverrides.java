package dev.switchboard.runtime.resilience;

import dev.switchboard.runtime.policy.PolicySettings;
/** Where configuration (e.g. {@code application.yml}) overrides the contract's policies. */
@FunctionalInterface
public interface PolicyOverrides {

    /** The overrides for one operation, service-wide values already merged under the operation's own; never null. */
    PolicySettings forOperation(String service, String operation);

    static PolicyOverrides none() {
        return (service, operation) -> PolicySettings.NONE;
    }
}
