package dev.switchboard.spring.rest;

import dev.switchboard.rest.server.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report as problem+json instead of its HTML page. Requests Tomcat refuses before the
 * application sees them (an encoded {@code /} or NUL in the path, a URL over the header limit) reach no
 * Spring handler, so only the host's error report valve can answer them in the shape every other failure has.
 *
 * <p>Like Tomcat's own valve it writes nothing when the application has already written a body; Spring's error
 * handling keeps answering everything that reaches it.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        Problem problem = Problem.ofContainerRejection(status, message(response, throwable), null);
        try {
            response.setContentType(Problem.PROBLEM_JSON.toString());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(problem.toJson(JSON));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the response was committed meanwhile: there is no one left to tell.
        }
    }

    private static String message(Response response, Throwable throwable) {
        String reason = response.getMessage();
        if ((reason == null || reason.isBlank()) && throwable != null) {
            reason = throwable.getMessage();
        }
        return "the server refused the request before any route saw it (HTTP " + response.getStatus() + ")"
                + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
