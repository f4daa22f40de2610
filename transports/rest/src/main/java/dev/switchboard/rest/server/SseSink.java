package dev.switchboard.rest.server;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.stream.StreamSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/** A handler's response stream as server-sent events: one JSON output per event, flushed at once. */
final class SseSink<T> implements StreamSink<T> {

    private final ServerResponse.SseBuilder sse;
    private final JsonMapper json;
    private volatile boolean cancelled;

    SseSink(ServerResponse.SseBuilder sse, JsonMapper json) {
        this.sse = sse;
        this.json = json;
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

    /** Ends the stream with an {@code error} event carrying the problem JSON. */
    void error(byte[] problem) {
        try {
            sse.event("error").data(new String(problem, StandardCharsets.UTF_8));
            sse.complete();
        } catch (IOException gone) {
            cancelled = true;
        }
    }

    SwitchboardException cancellation() {
        return new SwitchboardException(ErrorCode.CANCELLED, ErrorCode.CANCELLED.name(),
                "the client went away", Map.of());
    }
}
