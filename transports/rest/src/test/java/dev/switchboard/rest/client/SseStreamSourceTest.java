package dev.switchboard.rest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.pipeline.StreamOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.json.JsonMapper;

class SseStreamSourceTest {

    record Order(String id) {}

    private final JsonMapper json = JsonMapper.builder().build();
    private final RecordedOutcome outcome = new RecordedOutcome();

    @Test
    void eventsSplitAcrossReadsArriveWholeAndInOrder() throws IOException {
        Response response = new Response("data: {\"id\":\"o-1\"}\n\ndata: {\"id\":\"o-2\"}\n\n", 3);

        assertThat(read(source(response))).containsExactly(new Order("o-1"), new Order("o-2"));
        assertThat(outcome.reports).containsExactly("completed");
        assertThat(response.closed).isTrue();
    }

    @Test
    void commentsIdsAndEventNamesAroundTheDataAreSkipped() throws IOException {
        Response response = new Response("""
                : keep-alive

                id: 7
                event: message
                data: {"id":
                data: "o-1"}
                retry: 1000

                """, 5);

        assertThat(read(source(response))).containsExactly(new Order("o-1"));
    }

    @Test
    void theLastEventNeedsNoBlankLineBeforeTheEnd() throws IOException {
        assertThat(read(source(new Response("data: {\"id\":\"o-1\"}\ndata:", 64)))).hasSize(1);
        assertThat(outcome.reports).containsExactly("completed");
    }

    @Test
    void anErrorEventEndsTheStreamWithTheServersException() throws IOException {
        Response response = new Response("""
                data: {"id":"o-1"}

                event: error
                data: {"status":412,"detail":"the order is locked","code":"FAILED_PRECONDITION","error":"OrderLocked"}

                """, 7);
        Iterator<Order> orders = source(response).iterator();

        assertThat(orders.next()).isEqualTo(new Order("o-1"));
        assertThatThrownBy(orders::hasNext).isInstanceOfSatisfying(SwitchboardException.class, failure -> {
            assertThat(failure.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION);
            assertThat(failure.errorName()).isEqualTo("OrderLocked");
        }).hasMessage("the order is locked");
        assertThat(outcome.reports).containsExactly("failed FAILED_PRECONDITION");
        assertThat(response.closed).isTrue();
    }

    @Test
    void anEventThatIsNotTheOutputTypeIsAnInternalFailure() throws IOException {
        Iterator<Order> orders = source(new Response("data: [1,2]\n\n", 64)).iterator();

        assertThatThrownBy(orders::hasNext).isInstanceOfSatisfying(SwitchboardException.class,
                failure -> assertThat(failure.code()).isEqualTo(ErrorCode.INTERNAL)).hasMessageContaining("not a Order");
        assertThat(outcome.reports).containsExactly("failed INTERNAL");
    }

    @Test
    void aBrokenConnectionIsUnavailable() throws IOException {
        Response response = new Response("data: {\"id\":\"o-1\"}\n\ndata: {\"id\"", 64);
        response.breakAtEnd = true;
        Iterator<Order> orders = source(response).iterator();

        assertThat(orders.next()).isEqualTo(new Order("o-1"));
        assertThatThrownBy(orders::hasNext).isInstanceOfSatisfying(SwitchboardException.class,
                failure -> assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE)).hasMessageContaining("connection reset");
        assertThat(outcome.reports).containsExactly("failed UNAVAILABLE");
    }

    @Test
    void closingBeforeTheEndAbortsTheExchangeAndSaysTheCallerClosedIt() throws IOException {
        Response response = new Response("data: {\"id\":\"o-1\"}\n\ndata: {\"id\":\"o-2\"}\n\n", 64);
        SseStreamSource<Order> source = source(response);
        Iterator<Order> orders = source.iterator();
        orders.next();

        source.close();
        source.close();

        assertThat(response.closed).isTrue();
        assertThat(outcome.reports).containsExactly("closed by caller");
        assertThat(orders.hasNext()).isFalse();
    }

    @Test
    void closingAfterTheEndReportsNothingMore() throws IOException {
        SseStreamSource<Order> source = source(new Response("", 64));
        assertThat(read(source)).isEmpty();

        source.close();

        assertThat(outcome.reports).containsExactly("completed");
    }

    @Test
    void aStreamIsReadOnce() throws IOException {
        SseStreamSource<Order> source = source(new Response("", 64));
        source.iterator();

        assertThatThrownBy(source::iterator).isInstanceOf(IllegalStateException.class);
    }

    private SseStreamSource<Order> source(Response response) throws IOException {
        return new SseStreamSource<>(response, json, Order.class, new ProblemDecoder(json),
                (code, errorName, message, details) -> new SwitchboardException(code, errorName, message, details),
                outcome);
    }

    private static List<Order> read(SseStreamSource<Order> source) {
        List<Order> orders = new ArrayList<>();
        source.forEach(orders::add);
        return orders;
    }

    private static final class RecordedOutcome implements StreamOutcome {
        final List<String> reports = new ArrayList<>();

        @Override
        public void completed() {
            reports.add("completed");
        }

        @Override
        public void failed(SwitchboardException failure) {
            reports.add("failed " + failure.code());
        }

        @Override
        public void closedByCaller() {
            reports.add("closed by caller");
        }
    }

    /** A 200 event stream whose body arrives at most {@code chunk} bytes per read, as over a network. */
    private static final class Response implements ClientHttpResponse {
        private final byte[] body;
        private final int chunk;
        private int position;
        boolean breakAtEnd;
        boolean closed;

        Response(String body, int chunk) {
            this.body = body.getBytes(StandardCharsets.UTF_8);
            this.chunk = chunk;
        }

        @Override
        public HttpStatusCode getStatusCode() {
            return HttpStatus.OK;
        }

        @Override
        public String getStatusText() {
            return "OK";
        }

        @Override
        public HttpHeaders getHeaders() {
            return new HttpHeaders();
        }

        @Override
        public InputStream getBody() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] into, int offset, int length) throws IOException {
                    if (closed) {
                        throw new IOException("stream closed");
                    }
                    if (position == body.length) {
                        if (breakAtEnd) {
                            throw new IOException("connection reset");
                        }
                        return -1;
                    }
                    int count = Math.min(Math.min(length, chunk), body.length - position);
                    System.arraycopy(body, position, into, offset, count);
                    position += count;
                    return count;
                }
            };
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
