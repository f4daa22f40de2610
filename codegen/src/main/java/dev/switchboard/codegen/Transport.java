package dev.switchboard.codegen;

import dev.switchboard.contract.model.Operation;
import java.util.Locale;

/**
 * A transport a build serves and calls a contract's operations over. Which ones a build uses is
 * its own choice (the Maven plugin's {@code transports}, by default the transport modules on the
 * class path); which operations each can carry is the contract's.
 */
public enum Transport {
    /** HTTP/JSON: the operations with an {@code http} binding. */
    REST,
    /** gRPC: every operation, in its call shape. */
    GRPC;

    /** Whether this transport can carry the operation at all. */
    public boolean carries(Operation operation) {
        return this == GRPC || operation.http() != null;
    }

    /** How builds and configuration spell it: {@code rest}, {@code grpc}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
