package dev.switchboard.rest.server;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Spring MVC itself rejects before a generated route runs (no such route, wrong method or
 * media type, an unreadable body) answered in the same problem+json shape as the routes' own
 * errors, so clients decode every failure the same way and bad input never turns into a 500.
 */
@RestControllerAdvice
public class RestErrorAdvice {

    private final JsonMapper json;
    private final TraceIds traceIds;

    public RestErrorAdvice(JsonMapper json, TraceIds traceIds) {
        this.json = json;
        this.traceIds = traceIds;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<byte[]> noRoute(NoResourceFoundException e, HttpServletRequest request) {
        return problem(404, ErrorCode.NOT_FOUND, "no route for " + request.getMethod() + " " + request.getRequestURI(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<byte[]> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(405, ErrorCode.UNIMPLEMENTED, e.getMessage(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<byte[]> wrongContentType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(415, ErrorCode.INVALID_ARGUMENT, e.getMessage(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<byte[]> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problem(406, ErrorCode.INVALID_ARGUMENT, e.getMessage(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<byte[]> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(400, ErrorCode.INVALID_ARGUMENT, "the request body cannot be read: " + e.getMostSpecificCause().getMessage(), request);
    }

    private ResponseEntity<byte[]> problem(int status, ErrorCode code, String message, HttpServletRequest request) {
        SwitchboardException failure = new RestRejection(status, code, message, null);
        Problem problem = Problem.of(failure, request.getRequestURI(), traceIds.current());
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, Problem.PROBLEM_JSON.toString())
                .body(problem.toJson(json));
    }
}
