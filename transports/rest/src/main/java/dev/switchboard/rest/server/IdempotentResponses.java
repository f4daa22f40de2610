package dev.switchboard.rest.server;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.idempotency.IdempotencyClaim;
import dev.switchboard.runtime.idempotency.IdempotencyStore;
import dev.switchboard.runtime.idempotency.StoredResponse;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.rest.client.HttpStatusCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on non-idempotent operations: the first call under a key runs and its
 * final answer is kept; the same request again gets that answer back; a different request under
 * the same key is rejected (422); a repeat while the first still runs is asked to retry (409).
 * Failures worth retrying are not kept, so a client retry runs the call again.
 */
final class IdempotentResponses {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final IdempotencyStore store;
    private final JsonMapper json;

    IdempotentResponses(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * Runs {@code call}, which answers the JSON body of a 200, under the request's idempotency
     * key when the operation needs one and the request has one.
     */
    ServerResponse run(OperationDescriptor operation, ServerRequest request, Supplier<byte[]> body, Supplier<byte[]> call,
            Function<SwitchboardException, Problem> problem) {
        String key = request.headers().firstHeader(KEY_HEADER);
        if (operation.idempotent() || key == null) {
            return ok(call.get());
        }
        String scope = operation.fullName();
        IdempotencyClaim claim = store.claim(scope, key, fingerprint(request, body.get()));
        if (claim instanceof IdempotencyClaim.Replay replay) {
            StoredResponse stored = replay.response();
            return ServerResponse.status(stored.status())
                    .contentType(MediaType.parseMediaType(stored.headers().get(HttpHeaders.CONTENT_TYPE)))
                    .header(REPLAYED_HEADER, "true")
                    .body(stored.body());
        }
        if (claim instanceof IdempotencyClaim.Conflict) {
            throw new RestRejection(422, ErrorCode.INVALID_ARGUMENT,
                    "Idempotency-Key " + key + " was already used for a different request", null);
        }
        if (claim instanceof IdempotencyClaim.InProgress) {
            throw new RestRejection(409, ErrorCode.ABORTED,
                    "a request with Idempotency-Key " + key + " is still running", Duration.ofSeconds(1));
        }
        byte[] answer;
        try {
            answer = call.get();
        } catch (SwitchboardException failure) {
            if (failure.code().isRetryable(true)) {
                store.release(scope, key);
            } else {
                Problem kept = problem.apply(failure);
                store.complete(scope, key, new StoredResponse(kept.status(),
                        Map.of(HttpHeaders.CONTENT_TYPE, Problem.PROBLEM_JSON.toString()), kept.toJson(json)));
            }
            throw failure;
        } catch (RuntimeException bug) {
            store.release(scope, key);
            throw bug;
        }
        store.complete(scope, key, new StoredResponse(200,
                Map.of(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE), answer));
        return ok(answer);
    }

    private static ServerResponse ok(byte[] json) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    /** The failure behind a replayed error response, so observation records its code. */
    static SwitchboardException replayedFailure(ServerResponse response) {
        ErrorCode code = HttpStatusCodes.errorCode(response.statusCode().value());
        return new SwitchboardException(code, code.name(), "replayed " + response.statusCode().value(), Map.of());
    }

    /** SHA-256 over what was asked: method, path, sorted query, body. */
    static String fingerprint(ServerRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.method().name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(request.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(new TreeMap<>(request.params()).toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
