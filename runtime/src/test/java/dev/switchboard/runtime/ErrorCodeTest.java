package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void coversTheSixteenGrpcCodesInOrder() {
        assertThat(ErrorCode.values()).hasSize(16);
        assertThat(Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::grpcCode)).containsExactly(
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        assertThat(ErrorCode.ofGrpcCode(5)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ErrorCode.ofGrpcCode(99)).isEqualTo(ErrorCode.UNKNOWN);
    }

    @Test
    void onlyCodesWhereTheCalleeDidNotActAreRetryable() {
        EnumSet<ErrorCode> retryable = EnumSet.noneOf(ErrorCode.class);
        for (ErrorCode code : ErrorCode.values()) {
            if (code.isRetryable()) {
                retryable.add(code);
            }
        }
        assertThat(retryable).containsExactlyInAnyOrder(
                ErrorCode.UNAVAILABLE, ErrorCode.RESOURCE_EXHAUSTED, ErrorCode.ABORTED);
    }

    @Test
    void deadlineExceededIsRetriedOnlyForIdempotentOperations() {
        assertThat(ErrorCode.DEADLINE_EXCEEDED.isRetryable(true)).isTrue();
        assertThat(ErrorCode.DEADLINE_EXCEEDED.isRetryable(false)).isFalse();
        assertThat(ErrorCode.UNAVAILABLE.isRetryable(false)).isTrue();
        assertThat(ErrorCode.INVALID_ARGUMENT.isRetryable(true)).isFalse();
    }

    @Test
    void refusedCredentialsAreNeverRetriedEvenWhenRepeatingIsHarmless() {
        for (ErrorCode refusal : new ErrorCode[] {ErrorCode.UNAUTHENTICATED, ErrorCode.PERMISSION_DENIED}) {
            assertThat(refusal.isRetryable()).isFalse();
            assertThat(refusal.isRetryable(true)).isFalse();
        }
        assertThat(ErrorCode.UNAUTHENTICATED.httpStatus()).isEqualTo(401);
        assertThat(ErrorCode.PERMISSION_DENIED.httpStatus()).isEqualTo(403);
    }

    @Test
    void mapsToHttpStatusLikeGrpcGateway() {
        assertThat(ErrorCode.INVALID_ARGUMENT.httpStatus()).isEqualTo(400);
        assertThat(ErrorCode.NOT_FOUND.httpStatus()).isEqualTo(404);
        assertThat(ErrorCode.RESOURCE_EXHAUSTED.httpStatus()).isEqualTo(429);
        assertThat(ErrorCode.UNAVAILABLE.httpStatus()).isEqualTo(503);
        assertThat(ErrorCode.DEADLINE_EXCEEDED.httpStatus()).isEqualTo(504);
        assertThat(ErrorCode.CANCELLED.httpStatus()).isEqualTo(499);
    }

    @Test
    void exceptionCarriesCodeNameAndImmutableDetails() {
        SwitchboardException e = new SwitchboardException(
                ErrorCode.NOT_FOUND, "OrderNotFound", "order 7 not found", java.util.Map.of("id", "7"));
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.errorName()).isEqualTo("OrderNotFound");
        assertThat(e.getMessage()).isEqualTo("order 7 not found");
        assertThat(e.details()).containsEntry("id", "7");
        assertThat(e.details()).isUnmodifiable();
    }
}
