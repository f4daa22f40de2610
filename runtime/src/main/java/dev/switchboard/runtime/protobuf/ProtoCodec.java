package dev.switchboard.runtime.protobuf;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;

/**
 * The protobuf wire form of one contract record, generated per message type without reflection:
 * the same bytes protoc-generated protobuf-java classes write for the exported {@code .proto}.
 */
public interface ProtoCodec<T> {

    /** Writes the fields of {@code value} (not framed by a tag or length). */
    void write(T value, CodedOutputStream out) throws IOException;

    /** The number of bytes {@link #write} writes. */
    int size(T value);

    /** Reads fields until the end of the input or the current limit; unknown fields are skipped. */
    T read(CodedInputStream in) throws IOException;

    /** The message's bytes, written in one pass (see {@link ProtoBuffers}). */
    default byte[] toByteArray(T value) {
        return ProtoBuffers.encode(this, value);
    }

    default T parseFrom(byte[] bytes) throws InvalidProtocolBufferException {
        try {
            return read(CodedInputStream.newInstance(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidProtocolBufferException(e);
        }
    }
}
