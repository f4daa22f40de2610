package dev.switchboard.rest;

import dev.switchboard.runtime.ErrorDecoder;

/** Makes the {@link RestCaller} of one downstream service from its configuration. */
public interface RestCallers {

    /** The caller for {@code service} (the contract's service name), at its configured base URL. */
    RestCaller forService(String service, ErrorDecoder errors);
}
