package dev.switchboard.runtime.policy;

import dev.switchboard.runtime.security.Access;
import java.util.Objects;

/**
 * One operation of a contract as every transport sees it: names for observation and
 * configuration, whether repeating it is harmless, its shape, the policy the contract
 * declares for it (service defaults already merged with the operation's overrides) and who may
 * call it. Generated code holds one per operation in {@code <Service>Operations}.
 *
 * @param access who may call: {@link Access#PUBLIC} unless the contract has a {@code security} section
 */
public record OperationDescriptor(
        String service, String name, boolean idempotent, CallShape shape, PolicySettings policy, Access access) {

    public OperationDescriptor {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        policy = policy == null ? PolicySettings.NONE : policy;
        access = access == null ? Access.PUBLIC : access;
    }

    /** An operation anyone may call. */
    public OperationDescriptor(String service, String name, boolean idempotent, CallShape shape, PolicySettings policy) {
        this(service, name, idempotent, shape, policy, Access.PUBLIC);
    }

    /** A request-response operation, not idempotent until {@link #asIdempotent()} says so. */
    public static OperationDescriptor unary(String service, String name, PolicySettings policy) {
        return new OperationDescriptor(service, name, false, CallShape.UNARY, policy);
    }

    /** One request, a stream of responses. */
    public static OperationDescriptor serverStream(String service, String name, PolicySettings policy) {
        return new OperationDescriptor(service, name, false, CallShape.SERVER_STREAM, policy);
    }

    /** A stream of requests, one response. */
    public static OperationDescriptor clientStream(String service, String name, PolicySettings policy) {
        return new OperationDescriptor(service, name, false, CallShape.CLIENT_STREAM, policy);
    }

    /** Streams both ways. */
    public static OperationDescriptor bidiStream(String service, String name, PolicySettings policy) {
        return new OperationDescriptor(service, name, false, CallShape.BIDI_STREAM, policy);
    }

    /** This operation, declared safe to repeat: failed calls may be retried without an idempotency key. */
    public OperationDescriptor asIdempotent() {
        return new OperationDescriptor(service, name, true, shape, policy, access);
    }

    /** This operation, callable only as {@code access} says. */
    public OperationDescriptor withAccess(Access access) {
        return new OperationDescriptor(service, name, idempotent, shape, policy, access);
    }

    /** {@code Orders/getOrder}: how logs and spans name the operation. */
    public String fullName() {
        return service + "/" + name;
    }
}
