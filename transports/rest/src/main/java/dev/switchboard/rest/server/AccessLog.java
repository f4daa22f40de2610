package dev.switchboard.rest.server;

import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.policy.OperationDescriptor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * One line per served call on logger {@code dev.switchboard.access}:
 * {@code rest server Orders/getOrder GET /orders/o-1 200 OK 3ms trace=4bf92f…}.
 */
final class AccessLog {

    static final String LOGGER = "dev.switchboard.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    void record(OperationDescriptor operation, ServerRequest request, int status, SwitchboardException failure,
            long startedNanos, String traceId) {
        if (!log.isInfoEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        log.info("rest server {} {} {} {} {} {}ms trace={}", operation.fullName(), request.method(), request.path(),
                status, failure == null ? "OK" : failure.code().name(), millis, traceId == null ? "-" : traceId);
    }
}
