package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;
import java.util.List;

/**
 * A synchronous operation, exposed over gRPC and, with an {@link HttpBinding}, over REST.
 *
 * @param input       name of the input message type
 * @param inputStream true for {@code input: stream X}
 * @param http        the REST mapping, or null for gRPC only
 * @param idempotent  whether a failed call may be retried without an idempotency key
 * @param errors      names of the contract errors this operation may raise
 * @param policies    per-operation overrides of the service policies ({@link Policies#NONE} if none)
 * @param isPublic    {@code public: true}: no credentials needed even though the contract has a security section
 * @param scopes      every scope the caller must hold, in contract order; meaningful only with a security section
 */
public record Operation(
        String name,
        String input,
        boolean inputStream,
        String output,
        boolean outputStream,
        HttpBinding http,
        boolean idempotent,
        List<String> errors,
        Policies policies,
        boolean isPublic,
        List<String> scopes,
        String doc,
        Position position) {

    public Operation {
        errors = List.copyOf(errors);
        scopes = List.copyOf(scopes);
    }

    public StreamingMode mode() {
        return StreamingMode.of(inputStream, outputStream);
    }
}
