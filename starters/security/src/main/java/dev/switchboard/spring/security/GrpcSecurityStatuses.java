package dev.switchboard.spring.security;

import dev.switchboard.grpc.GrpcStatuses;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * What Spring gRPC answers when its security interceptor refuses a call (a token that is invalid,
 * expired, for another audience or issuer): {@code UNAUTHENTICATED} (or {@code PERMISSION_DENIED})
 * with Switchboard's status details, which generated clients decode like every other failure, rather
 * than Spring gRPC's bare "Authentication failed"; and one {@code switchboard.call} observation.
 * Ordered before Spring gRPC's own {@code SecurityGrpcExceptionHandler}.
 */
public final class GrpcSecurityStatuses implements GrpcExceptionHandler {

    /** The {@code ErrorInfo} domain of refusals made before a call reaches a service. */
    static final String DOMAIN = "switchboard.security";

    private final SecurityRefusals refusals;

    public GrpcSecurityStatuses(SecurityRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public StatusException handleException(Throwable exception) {
        SwitchboardException refusal;
        if (exception instanceof AuthenticationException refused) {
            refusal = new SwitchboardException(ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED.name(),
                    "the credentials were refused: " + refused.getMessage(), Map.of());
        } else if (exception instanceof AccessDeniedException denied) {
            refusal = new SwitchboardException(ErrorCode.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED.name(),
                    "access denied: " + denied.getMessage(), Map.of());
        } else {
            return null;
        }
        refusals.record("grpc", refusal, header -> null);
        StatusRuntimeException status = GrpcStatuses.toStatus(refusal, DOMAIN);
        return new StatusException(status.getStatus(), status.getTrailers());
    }
}
