package dev.switchboard.grpc.server;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.grpc.ProtoMarshaller;
import io.grpc.MethodDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.InputStream;
import java.util.Map;

/**
 * A request as the server read it: the message, or why its bytes were not one. Decoding never
 * throws inside gRPC (which would answer a bare internal error); the handler turns a malformed
 * request into INVALID_ARGUMENT with the reason.
 */
record Incoming<T>(T message, String malformed) {

    T get() {
        if (malformed != null) {
            throw new SwitchboardException(ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT.name(),
                    "the request is not valid protobuf for this method: " + malformed, Map.of());
        }
        return message;
    }

    /** Reads requests with {@code requests}' codec; responses go out unchanged. */
    static <T> MethodDescriptor.Marshaller<Incoming<T>> marshaller(MethodDescriptor.Marshaller<T> requests) {
        if (!(requests instanceof ProtoMarshaller<T> proto)) {
            throw new IllegalArgumentException("generated methods marshal with ProtoMarshaller, got " + requests);
        }
        return new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(Incoming<T> value) {
                return proto.stream(value.get());
            }

            @Override
            public Incoming<T> parse(InputStream stream) {
                try {
                    return new Incoming<>(proto.decode(stream), null);
                } catch (InvalidProtocolBufferException e) {
                    return new Incoming<>(null, e.getMessage());
                }
            }
        };
    }
}
