package dev.switchboard.runtime.policy;

import java.util.Objects;

/**
 * One operation of a contract as every transport sees it: names for observation and
 * configuration, whether repeating it is harmless, its shape and the policy the contract
 * declares for it (service defaults already merged with the operation's overrides).
 * Generated code holds one per operation in {@code <Service>Operations}.
 */
public record OperationDescriptor(
        String service, String name, boolean idempotent, CallShape shape, PolicySettings policy) {

    public OperationDescriptor {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        policy = policy == null ? PolicySettings.NONE : policy;
    }

    /** {@code Orders/getOrder}: how logs and spans name the operation. */
    public String fullName() {
        return service + "/" + name;
    }
}
