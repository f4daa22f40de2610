package dev.switchboard.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The error taxonomy over gRPC, both ways: a status with its canonical code and rich details
 * ({@code google.rpc.ErrorInfo} naming the contract error, {@code BadRequest} listing every
 * violation, {@code RetryInfo} plus the {@code grpc-retry-pushback-ms} trailer when the server
 * says when to come back), and back to the contract's exception classes on the client.
 */
public final class GrpcStatuses {

    /** How long a client should wait before retrying, in whole milliseconds (gRPC's retry spec). */
    public static final Metadata.Key<String> RETRY_PUSHBACK =
            Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcStatuses() {}

    /** The status a server answers for {@code failure}; {@code domain} names the service in ErrorInfo. */
    public static StatusRuntimeException toStatus(SwitchboardException failure, String domain) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(failure.code().grpcCode())
                .setMessage(failure.getMessage() == null ? failure.code().name() : failure.getMessage())
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason(failure.errorName())
                        .setDomain(domain)
                        .putAllMetadata(failure.details())
                        .build()));
        if (failure instanceof ValidationException invalid) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            for (ConstraintViolation violation : invalid.violations()) {
                badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField(violation.field())
                        .setDescription(violation.message()));
            }
            status.addDetails(Any.pack(badRequest.build()));
        }
        Metadata trailers = new Metadata();
        if (failure instanceof RetryLaterException later && later.retryAfter().isPresent()) {
            Duration after = later.retryAfter().get();
            status.addDetails(Any.pack(RetryInfo.newBuilder()
                    .setRetryDelay(com.google.protobuf.Duration.newBuilder()
                            .setSeconds(after.getSeconds()).setNanos(after.getNano()))
                    .build()));
            trailers.put(RETRY_PUSHBACK, Long.toString(Math.max(0, after.toMillis())));
        }
        return StatusProto.toStatusRuntimeException(status.build(), trailers);
    }

    /**
     * The exception a client throws for a failed call: the contract's class when the status names
     * a contract error, a {@link ValidationException} for violations, a {@link RetryLaterException}
     * when the server pushed back, else a plain {@link SwitchboardException} with the code.
     */
    public static SwitchboardException toException(Throwable failure, ErrorDecoder errors) {
        Status status = Status.fromThrowable(failure);
        Metadata trailers = Status.trailersFromThrowable(failure);
        ErrorCode code = ErrorCode.ofGrpcCode(status.getCode().value());
        String message = status.getDescription() == null ? code.name() : status.getDescription();
        if (status.getCause() != null && status.getCause().getMessage() != null) {
            // grpc-java says "io exception" when the server cannot be reached; the cause says why.
            message += ": " + status.getCause().getMessage();
        }
        ErrorInfo info = null;
        List<ConstraintViolation> violations = new ArrayList<>();
        Duration retryAfter = pushback(trailers);
        com.google.rpc.Status rich = trailers == null ? null : StatusProto.fromStatusAndTrailers(status, trailers);
        if (rich != null) {
            for (Any detail : rich.getDetailsList()) {
                try {
                    if (detail.is(ErrorInfo.class)) {
                        info = detail.unpack(ErrorInfo.class);
                    } else if (detail.is(BadRequest.class)) {
                        for (BadRequest.FieldViolation violation : detail.unpack(BadRequest.class).getFieldViolationsList()) {
                            violations.add(new ConstraintViolation(violation.getField(), violation.getDescription()));
                        }
                    } else if (detail.is(RetryInfo.class) && retryAfter == null) {
                        com.google.protobuf.Duration delay = detail.unpack(RetryInfo.class).getRetryDelay();
                        retryAfter = Duration.ofSeconds(delay.getSeconds(), delay.getNanos());
                    }
                } catch (InvalidProtocolBufferException unreadable) {
                    // A detail we cannot read adds nothing; the code and message still stand.
                }
            }
        }
        if (code == ErrorCode.INVALID_ARGUMENT && !violations.isEmpty()) {
            return new ValidationException(violations);
        }
        String errorName = info == null || info.getReason().isEmpty() ? code.name() : info.getReason();
        Map<String, String> details = info == null ? Map.of() : info.getMetadataMap();
        if (retryAfter != null) {
            return new RetryLaterException(code, errorName, message, details, retryAfter);
        }
        return errors.decode(code, errorName, message, details);
    }

    private static Duration pushback(Metadata trailers) {
        String millis = trailers == null ? null : trailers.get(RETRY_PUSHBACK);
        if (millis == null) {
            return null;
        }
        try {
            long value = Long.parseLong(millis.strip());
            return value < 0 ? null : Duration.ofMillis(value);
        } catch (NumberFormatException ignored) {
            return null;
        }
    }
}
