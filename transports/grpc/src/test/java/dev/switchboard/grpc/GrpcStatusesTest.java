package dev.switchboard.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.ErrorDecoder;
import dev.switchboard.runtime.RetryLaterException;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.validation.ConstraintViolation;
import dev.switchboard.runtime.validation.ValidationException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrpcStatusesTest {

    /** Marks what the contract's decoder made, so a test sees which error name reached it. */
    private static final ErrorDecoder CONTRACT = (code, errorName, message, details) ->
            new SwitchboardException(code, "decoded " + errorName, message, details);

    @Test
    void aContractErrorTravelsAsItsCodeWithErrorInfoAndComesBackAsItsClass() {
        StatusRuntimeException status = GrpcStatuses.toStatus(new SwitchboardException(ErrorCode.NOT_FOUND,
                "OrderNotFound", "no order o-9", Map.of("orderId", "o-9")), "Orders");

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(status.getStatus().getDescription()).isEqualTo("no order o-9");
        ErrorInfo info = detail(status, ErrorInfo.class);
        assertThat(info.getReason()).isEqualTo("OrderNotFound");
        assertThat(info.getDomain()).isEqualTo("Orders");
        assertThat(info.getMetadataMap()).isEqualTo(Map.of("orderId", "o-9"));

        SwitchboardException back = GrpcStatuses.toException(status, CONTRACT);
        assertThat(back.errorName()).isEqualTo("decoded OrderNotFound");
        assertThat(back.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(back).hasMessage("no order o-9");
        assertThat(back.details()).isEqualTo(Map.of("orderId", "o-9"));
    }

    @Test
    void violationsTravelAsBadRequestAndComeBackEveryOne() {
        List<ConstraintViolation> violations = List.of(new ConstraintViolation("customerId", "is required"),
                new ConstraintViolation("items[1].quantity", "must be at least 1"));

        StatusRuntimeException status = GrpcStatuses.toStatus(new ValidationException(violations), "Orders");

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(detail(status, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getDescription)
                .containsExactly(tuple("customerId", "is required"),
                        tuple("items[1].quantity", "must be at least 1"));
        assertThat(GrpcStatuses.toException(status, CONTRACT)).isInstanceOfSatisfying(ValidationException.class,
                invalid -> assertThat(invalid.violations()).isEqualTo(violations));
    }

    @Test
    void whenToRetryTravelsAsRetryInfoAndThePushbackTrailer() {
        StatusRuntimeException status = GrpcStatuses.toStatus(new RetryLaterException(ErrorCode.RESOURCE_EXHAUSTED,
                "too many concurrent calls", Duration.ofMillis(1500)), "Orders");

        assertThat(status.getTrailers().get(GrpcStatuses.RETRY_PUSHBACK)).isEqualTo("1500");
        com.google.protobuf.Duration delay = detail(status, RetryInfo.class).getRetryDelay();
        assertThat(Duration.ofSeconds(delay.getSeconds(), delay.getNanos())).isEqualTo(Duration.ofMillis(1500));
        assertThat(GrpcStatuses.toException(status, CONTRACT)).isInstanceOfSatisfying(RetryLaterException.class, later -> {
            assertThat(later.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
            assertThat(later.retryAfter()).contains(Duration.ofMillis(1500));
        });
    }

    @Test
    void thePushbackTrailerAloneOrRetryInfoAloneSaysWhenToRetry() {
        Metadata trailers = new Metadata();
        trailers.put(GrpcStatuses.RETRY_PUSHBACK, "250");
        StatusRuntimeException pushback = Status.UNAVAILABLE.withDescription("busy").asRuntimeException(trailers);
        StatusRuntimeException retryInfo = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.UNAVAILABLE.value()).setMessage("busy")
                .addDetails(Any.pack(RetryInfo.newBuilder()
                        .setRetryDelay(com.google.protobuf.Duration.newBuilder().setSeconds(2)).build()))
                .build());

        assertThat(retryAfter(pushback)).isEqualTo(Duration.ofMillis(250));
        assertThat(retryAfter(retryInfo)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aPushbackThatIsNoWholeNumberIsIgnored() {
        for (String value : List.of("soon", "-5")) {
            Metadata trailers = new Metadata();
            trailers.put(GrpcStatuses.RETRY_PUSHBACK, value);

            SwitchboardException failure = GrpcStatuses.toException(
                    Status.UNAVAILABLE.withDescription("busy").asRuntimeException(trailers), CONTRACT);

            assertThat(failure).isNotInstanceOf(RetryLaterException.class);
            assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        }
    }

    @Test
    void anUnreadableDetailAddsNothingButTheCodeAndMessageStand() {
        Any broken = Any.newBuilder().setTypeUrl("type.googleapis.com/google.rpc.ErrorInfo")
                .setValue(ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff, 0x01})).build();
        StatusRuntimeException status = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.FAILED_PRECONDITION.value()).setMessage("locked").addDetails(broken).build());

        SwitchboardException failure = GrpcStatuses.toException(status, CONTRACT);

        assertThat(failure.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION);
        assertThat(failure.errorName()).isEqualTo("decoded FAILED_PRECONDITION");
        assertThat(failure).hasMessage("locked");
    }

    @Test
    void aBareStatusKeepsItsCodeAndSaysWhyTheServerCouldNotBeReached() {
        StatusRuntimeException unreachable = Status.UNAVAILABLE.withDescription("io exception")
                .withCause(new ConnectException("Connection refused")).asRuntimeException();

        SwitchboardException failure = GrpcStatuses.toException(unreachable, CONTRACT);

        assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(failure.errorName()).isEqualTo("decoded UNAVAILABLE");
        assertThat(failure).hasMessage("io exception: Connection refused");
        assertThat(GrpcStatuses.toException(Status.DEADLINE_EXCEEDED.asRuntimeException(), CONTRACT))
                .hasMessage("DEADLINE_EXCEEDED");
    }

    @Test
    void aFailureWithoutAMessageIsDescribedByItsCode() {
        StatusRuntimeException status = GrpcStatuses.toStatus(
                new SwitchboardException(ErrorCode.ABORTED, "ABORTED", null, Map.of()), "Orders");

        assertThat(status.getStatus().getDescription()).isEqualTo("ABORTED");
        assertThat(status.getTrailers().containsKey(GrpcStatuses.RETRY_PUSHBACK)).isFalse();
    }

    private static Duration retryAfter(StatusRuntimeException status) {
        SwitchboardException failure = GrpcStatuses.toException(status, CONTRACT);
        assertThat(failure).isInstanceOf(RetryLaterException.class);
        return ((RetryLaterException) failure).retryAfter().orElseThrow();
    }

    private static <T extends Message> T detail(StatusRuntimeException status, Class<T> type) {
        com.google.rpc.Status rich = StatusProto.fromThrowable(status);
        assertThat(rich).isNotNull();
        return rich.getDetailsList().stream().filter(any -> any.is(type)).findFirst()
                .map(any -> {
                    try {
                        return any.unpack(type);
                    } catch (InvalidProtocolBufferException e) {
                        throw new AssertionError(e);
                    }
                })
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + rich));
    }
}
