package dev.switchboard.grpc;

import dev.switchboard.runtime.ErrorDecoder;

/** Gives generated gRPC clients their caller for a downstream service, configured under {@code switchboard.services.<service>.client}. */
public interface GrpcCallers {

    /** The caller for {@code service}; {@code errors} turns statuses naming contract errors back into their classes. */
    GrpcCaller forService(String service, ErrorDecoder errors);
}
