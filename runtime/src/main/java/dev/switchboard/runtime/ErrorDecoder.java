package dev.switchboard.runtime;

import java.util.Map;

/**
 * Turns an error that crossed the wire back into the contract's exception class. Generated per
 * service ({@code <Service>Operations::decodeError}); transports call it on the client side.
 */
@FunctionalInterface
public interface ErrorDecoder {

    /** The contract exception for {@code errorName}, or a plain {@link SwitchboardException} for any other error. */
    SwitchboardException decode(ErrorCode code, String errorName, String message, Map<String, String> details);
}
