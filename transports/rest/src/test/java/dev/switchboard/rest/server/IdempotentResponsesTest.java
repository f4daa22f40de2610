package dev.switchboard.rest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.idempotency.InMemoryIdempotencyStore;
import dev.switchboard.runtime.policy.CallShape;
import dev.switchboard.runtime.policy.OperationDescriptor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.EntityResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

class IdempotentResponsesTest {

    private static final OperationDescriptor CREATE = new OperationDescriptor("Orders", "createOrder", false,
            CallShape.UNARY, null);
    private static final OperationDescriptor GET = new OperationDescriptor("Orders", "getOrder", true,
            CallShape.UNARY, null);

    private final IdempotentResponses idempotency =
            new IdempotentResponses(new InMemoryIdempotencyStore(), JsonMapper.builder().build());
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void theSameRequestUnderTheSameKeyGetsTheFirstAnswerBackWithoutRunningAgain() {
        ServerResponse first = run(CREATE, post("k-1", "{\"sku\":\"mug\"}"), answer("{\"id\":\"o-1\"}"));
        ServerResponse again = run(CREATE, post("k-1", "{\"sku\":\"mug\"}"), answer("{\"id\":\"o-2\"}"));

        assertThat(runs).hasValue(1);
        assertThat(first.statusCode().value()).isEqualTo(200);
        assertThat(first.headers().containsHeader(IdempotentResponses.REPLAYED_HEADER)).isFalse();
        assertThat(again.statusCode().value()).isEqualTo(200);
        assertThat(again.headers().getFirst(IdempotentResponses.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(body(again)).isEqualTo("{\"id\":\"o-1\"}");
    }

    @Test
    void aDifferentRequestUnderAUsedKeyIsRefusedWith422() {
        run(CREATE, post("k-1", "{\"sku\":\"mug\"}"), answer("{\"id\":\"o-1\"}"));

        assertThatThrownBy(() -> run(CREATE, post("k-1", "{\"sku\":\"kettle\"}"), answer("{}")))
                .isInstanceOfSatisfying(RestRejection.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(422);
                    assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                })
                .hasMessage("Idempotency-Key k-1 was already used for a different request");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRepeatWhileTheFirstStillRunsIsAskedToRetryWith409() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ServerResponse> first = CompletableFuture.supplyAsync(() -> run(CREATE,
                post("k-1", "{}"), () -> {
                    running.countDown();
                    await(release);
                    return bytes("{\"id\":\"o-1\"}");
                }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> run(CREATE, post("k-1", "{}"), answer("{}")))
                .isInstanceOfSatisfying(RestRejection.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(409);
                    assertThat(rejection.code()).isEqualTo(ErrorCode.ABORTED);
                    assertThat(rejection.retryAfter()).contains(Duration.ofSeconds(1));
                });

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode().value()).isEqualTo(200);
        assertThat(body(run(CREATE, post("k-1", "{}"), answer("{}")))).isEqualTo("{\"id\":\"o-1\"}");
    }

    @Test
    void aFinalFailureIsKeptAndReplayedAsItsProblem() {
        SwitchboardException locked = new SwitchboardException(ErrorCode.FAILED_PRECONDITION, "OrderLocked", "locked", Map.of());

        assertThatThrownBy(() -> run(CREATE, post("k-1", "{}"), () -> {
            throw locked;
        })).isSameAs(locked);
        ServerResponse replay = run(CREATE, post("k-1", "{}"), answer("{}"));

        assertThat(replay.statusCode().value()).isEqualTo(400);
        assertThat(replay.headers().getContentType()).hasToString("application/problem+json");
        assertThat(body(replay)).contains("\"error\":\"OrderLocked\"").contains("\"detail\":\"locked\"");
        assertThat(IdempotentResponses.replayedFailure(replay).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void aFailureWorthRetryingAndABugFreeTheKeySoTheRetryRuns() {
        assertThatThrownBy(() -> run(CREATE, post("k-1", "{}"), () -> {
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE", "down", Map.of());
        })).hasMessage("down");
        assertThatThrownBy(() -> run(CREATE, post("k-1", "{}"), () -> {
            throw new IllegalStateException("bug");
        })).hasMessage("bug");

        assertThat(body(run(CREATE, post("k-1", "{}"), answer("{\"id\":\"o-1\"}")))).isEqualTo("{\"id\":\"o-1\"}");
        assertThat(runs).hasValue(1);
    }

    @Test
    void idempotentOperationsAndRequestsWithoutAKeyAlwaysRun() {
        run(GET, post("k-1", "{}"), answer("{}"));
        run(GET, post("k-1", "{}"), answer("{}"));
        run(CREATE, post(null, "{}"), answer("{}"));
        run(CREATE, post(null, "{}"), answer("{}"));

        assertThat(runs).hasValue(4);
    }

    @Test
    void theFingerprintCoversMethodPathQueryAndBody() {
        String base = IdempotentResponses.fingerprint(request("POST", "/orders", "a=1", "k"), bytes("{}"));

        assertThat(IdempotentResponses.fingerprint(request("POST", "/orders", "a=1", "k"), bytes("{}"))).isEqualTo(base);
        assertThat(List.of(
                IdempotentResponses.fingerprint(request("PUT", "/orders", "a=1", "k"), bytes("{}")),
                IdempotentResponses.fingerprint(request("POST", "/orders/2", "a=1", "k"), bytes("{}")),
                IdempotentResponses.fingerprint(request("POST", "/orders", "a=2", "k"), bytes("{}")),
                IdempotentResponses.fingerprint(request("POST", "/orders", "a=1", "k"), bytes("{ }"))))
                .doesNotContain(base).doesNotHaveDuplicates();
    }

    private ServerResponse run(OperationDescriptor operation, ServerRequest request, Supplier<byte[]> call) {
        return idempotency.run(operation, request, () -> bodyOf(request), call,
                failure -> Problem.of(failure, request.path(), null));
    }

    private Supplier<byte[]> answer(String json) {
        return () -> {
            runs.incrementAndGet();
            return bytes(json);
        };
    }

    private static ServerRequest post(String key, String body) {
        MockHttpServletRequest servlet = new MockHttpServletRequest("POST", "/orders");
        if (key != null) {
            servlet.addHeader(IdempotentResponses.KEY_HEADER, key);
        }
        servlet.setContent(bytes(body));
        return ServerRequest.create(servlet, List.of());
    }

    private static ServerRequest request(String method, String path, String query, String key) {
        MockHttpServletRequest servlet = new MockHttpServletRequest(method, path);
        String[] parameter = query.split("=");
        servlet.addParameter(parameter[0], parameter[1]);
        servlet.addHeader(IdempotentResponses.KEY_HEADER, key);
        return ServerRequest.create(servlet, List.of());
    }

    private static byte[] bodyOf(ServerRequest request) {
        return ((MockHttpServletRequest) request.servletRequest()).getContentAsByteArray();
    }

    private static String body(ServerResponse response) {
        return new String((byte[]) ((EntityResponse<?>) response).entity(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
