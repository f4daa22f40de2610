package dev.switchboard.spring.security;

import dev.switchboard.rest.server.Problem;
import dev.switchboard.rest.server.TraceIds;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Spring Security answers when it refuses a request itself (a token that is invalid, expired,
 * for another audience or issuer): Spring Security's status and {@code WWW-Authenticate: Bearer ...}
 * header (RFC 6750), with Switchboard's problem+json body, so clients decode it like every other
 * failure, and one {@code switchboard.call} observation with its outcome.
 */
public final class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;
    private final TraceIds traceIds;
    private final SecurityRefusals refusals;

    public ProblemSecurityResponses(JsonMapper json, TraceIds traceIds, SecurityRefusals refusals) {
        this.json = json;
        this.traceIds = traceIds;
        this.refusals = refusals;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        bearerEntryPoint.commence(request, response, refused);
        write(request, response, ErrorCode.UNAUTHENTICATED, "the credentials were refused: " + refused.getMessage());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearerAccessDenied.handle(request, response, denied);
        write(request, response, ErrorCode.PERMISSION_DENIED, "access denied: " + denied.getMessage());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        SwitchboardException refusal = new SwitchboardException(code, code.name(), message, Map.of());
        refusals.record("rest", refusal, request::getHeader);
        Problem problem = new Problem(response.getStatus(), refusal, request.getRequestURI(), traceIds.current());
        response.setContentType(Problem.PROBLEM_JSON.toString());
        response.getOutputStream().write(problem.toJson(json));
    }
}
