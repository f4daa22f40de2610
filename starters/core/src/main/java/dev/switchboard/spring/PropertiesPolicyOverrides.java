package dev.switchboard.spring;

import dev.switchboard.runtime.ServiceKeys;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.resilience.PolicyOverrides;

/** {@code application.yml} as the policy layer above the contract: service-wide values, then the operation's. */
final class PropertiesPolicyOverrides implements PolicyOverrides {

    private final SwitchboardProperties properties;

    PropertiesPolicyOverrides(SwitchboardProperties properties) {
        this.properties = properties;
    }

    @Override
    public PolicySettings forOperation(String service, String operation) {
        SwitchboardProperties.Service configured = properties.service(service);
        if (configured == null) {
            return PolicySettings.NONE;
        }
        PolicySettings settings = configured.toSettings();
        PolicyProperties own = ServiceKeys.lookup(configured.getOperations(), operation);
        return own == null ? settings : settings.overriddenBy(own.toSettings());
    }
}
