package dev.switchboard.rest.server;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.pipeline.ResponseStream;
import dev.switchboard.runtime.stream.StreamSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A handler's response stream as server-sent events: one JSON output per event, flushed at once; the
 * stream ends completed, or with an {@code error} event carrying the failure's problem JSON.
 */
final class SseSink<T> implements StreamSink<T>, ResponseStream {

    private final ServerResponse.SseBuilder sse;
    private final JsonMapper json;
    private final Function<SwitchboardException, byte[]> problems;
    private volatile boolean cancelled;

    SseSink(ServerResponse.SseBuilder sse, JsonMapper json, Function<SwitchboardException, byte[]> problems) {
        this.sse = sse;
        this.json = json;
        this.problems = problems;
        sse.onError(failure -> cancelled = true);
        sse.onTimeout(() -> cancelled = true);
    }

    @Override
    public void send(T message) {
        if (cancelled) {
            throw cancellation();
        }
        try {
            sse.data(json.writeValueAsString(message));
        } catch (IOException gone) {
            cancelled = true;
            throw cancellation();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void complete() {
        sse.complete();
    }

    @Override
    public void fail(SwitchboardException failure) {
        try {
            sse.event("error").data(new String(problems.apply(failure), StandardCharsets.UTF_8));
            sse.complete();
        } catch (IOException gone) {
            cancelled = true;
        }
    }

    private SwitchboardException cancellation() {
        return new SwitchboardException(ErrorCode.CANCELLED, ErrorCode.CANCELLED.name(),
                "the client went away", Map.of());
    }
}
