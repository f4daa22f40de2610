package dev.switchboard.spring.grpc;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.switchboard.runtime.protobuf.ProtoCodec;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Moves a contract record over gRPC with its generated {@link ProtoCodec}: no protoc classes, the
 * same bytes. Outgoing messages are encoded in one pass and drained into gRPC's buffers (the
 * stream is {@link Drainable} and knows its length, as grpc-java's own protobuf marshaller does).
 */
public final class ProtoMarshaller<T> implements MethodDescriptor.Marshaller<T> {

    private final ProtoCodec<T> codec;

    private ProtoMarshaller(ProtoCodec<T> codec) {
        this.codec = codec;
    }

    public static <T> ProtoMarshaller<T> of(ProtoCodec<T> codec) {
        return new ProtoMarshaller<>(codec);
    }

    public ProtoCodec<T> codec() {
        return codec;
    }

    @Override
    public InputStream stream(T value) {
        return new MessageStream<>(codec, value);
    }

    @Override
    public T parse(InputStream stream) {
        try {
            return decode(stream);
        } catch (InvalidProtocolBufferException malformed) {
            throw Status.INTERNAL.withDescription("the peer sent malformed protobuf: " + malformed.getMessage())
                    .withCause(malformed).asRuntimeException();
        }
    }

    /** Reads one message, failing with the codec's reason when the bytes are not one. */
    public T decode(InputStream stream) throws InvalidProtocolBufferException {
        try {
            byte[] bytes = stream instanceof KnownLength ? stream.readNBytes(stream.available()) : stream.readAllBytes();
            return codec.read(CodedInputStream.newInstance(bytes));
        } catch (InvalidProtocolBufferException malformed) {
            throw malformed;
        } catch (IOException | RuntimeException unreadable) {
            throw new InvalidProtocolBufferException(unreadable.getMessage() == null
                    ? unreadable.getClass().getSimpleName() : unreadable.getMessage());
        }
    }

    /**
     * A message not yet encoded: gRPC asks its length, then drains it into its own buffer (or reads
     * it if it must). It is encoded once, on the first of those, in one pass (see ProtoCodec#toByteArray).
     */
    private static final class MessageStream<T> extends InputStream implements Drainable, KnownLength {

        private final ProtoCodec<T> codec;
        private T value;
        private ByteArrayInputStream encoded;

        MessageStream(ProtoCodec<T> codec, T value) {
            this.codec = codec;
            this.value = value;
        }

        @Override
        public int drainTo(OutputStream target) throws IOException {
            return (int) bytes().transferTo(target);
        }

        @Override
        public int read() {
            return bytes().read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes().read(buffer, offset, length);
        }

        @Override
        public int available() {
            return bytes().available();
        }

        private ByteArrayInputStream bytes() {
            if (encoded == null) {
                encoded = new ByteArrayInputStream(value == null ? new byte[0] : codec.toByteArray(value));
                value = null;
            }
            return encoded;
        }

        @Override
        public void close() {
            value = null;
            encoded = null;
        }
    }
}
