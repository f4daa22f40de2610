package dev.switchboard.rest.client;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.ErrorDecoder;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.pipeline.StreamOutcome;
import dev.switchboard.runtime.stream.StreamSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server-sent event stream read as it arrives: each event's data is one JSON output; an
 * {@code error} event carries a problem and ends the stream with its exception. Closing early
 * aborts the exchange, which the server sees as the client going away.
 */
final class SseStreamSource<T> implements StreamSource<T> {

    private final ClientHttpResponse response;
    private final BufferedReader lines;
    private final JsonMapper json;
    private final Class<T> type;
    private final ProblemDecoder problems;
    private final ErrorDecoder errors;
    private final StreamOutcome outcome;
    private boolean iterated;
    private boolean finished;

    SseStreamSource(ClientHttpResponse response, JsonMapper json, Class<T> type, ProblemDecoder problems,
            ErrorDecoder errors, StreamOutcome outcome) throws IOException {
        this.response = response;
        this.lines = new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8));
        this.json = json;
        this.type = type;
        this.problems = problems;
        this.errors = errors;
        this.outcome = outcome;
    }

    @Override
    public Iterator<T> iterator() {
        if (iterated) {
            throw new IllegalStateException("a stream can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            private T next;

            @Override
            public boolean hasNext() {
                if (next == null && !finished) {
                    next = readEvent();
                }
                return next != null;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T value = next;
                next = null;
                return value;
            }
        };
    }

    /** The next output, or null at the end of the stream; throws the server's error. */
    private T readEvent() {
        String event = null;
        StringBuilder data = new StringBuilder();
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.isEmpty()) {
                        event = null;
                        continue;
                    }
                    return dispatch(event, data.toString());
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                if (field.equals("event")) {
                    event = value;
                } else if (field.equals("data")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(value);
                }
            }
            T last = data.isEmpty() ? null : dispatch(event, data.toString());
            if (last == null) {
                finish(null);
            }
            return last;
        } catch (IOException broken) {
            SwitchboardException failure = new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                    "the stream broke: " + broken.getMessage(), Map.of(), broken);
            finish(failure);
            throw failure;
        }
    }

    private T dispatch(String event, String data) {
        if ("error".equals(event)) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            SwitchboardException failure = problems.decode(500, headers, data.getBytes(StandardCharsets.UTF_8), errors);
            finish(failure);
            throw failure;
        }
        try {
            return json.readValue(data, type);
        } catch (JacksonException unreadable) {
            SwitchboardException failure = new SwitchboardException(ErrorCode.INTERNAL, ErrorCode.INTERNAL.name(),
                    "a stream event is not a " + type.getSimpleName() + ": " + unreadable.getOriginalMessage(),
                    Map.of(), unreadable);
            finish(failure);
            throw failure;
        }
    }

    /** Ends the exchange and reports how the stream ended: completed (null) or failed. */
    private void finish(SwitchboardException failure) {
        if (!finished) {
            finished = true;
            response.close();
            if (failure == null) {
                outcome.completed();
            } else {
                outcome.failed(failure);
            }
        }
    }

    @Override
    public void close() {
        if (!finished) {
            finished = true;
            response.close();
            outcome.closedByCaller();
        }
    }
}
