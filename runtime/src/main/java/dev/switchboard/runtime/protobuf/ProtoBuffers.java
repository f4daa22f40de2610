package dev.switchboard.runtime.protobuf;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Encodes a whole message in one pass. The top-level message has no length prefix, so its size
 * need not be known first: it is written into a per-thread scratch buffer and copied out. Only a
 * message larger than the buffer pays for a size pass (and grows the buffer, up to a bound, for
 * the next one). protoc's classes avoid the size pass by memoizing sizes in the message; records
 * cannot, and this is how they need not.
 */
final class ProtoBuffers {

    private static final int INITIAL = 16 * 1024;
    private static final int LARGEST_KEPT = 1024 * 1024;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[INITIAL]);

    private ProtoBuffers() {}

    static <T> byte[] encode(ProtoCodec<T> codec, T value) {
        byte[] scratch = SCRATCH.get();
        CodedOutputStream out = CodedOutputStream.newInstance(scratch);
        try {
            codec.write(value, out);
            return Arrays.copyOf(scratch, out.getTotalBytesWritten());
        } catch (CodedOutputStream.OutOfSpaceException tooLarge) {
            return exactly(codec, value);
        } catch (IOException impossible) {
            throw new IllegalStateException("writing to an array cannot fail", impossible);
        }
    }

    /** Sizes first, writes into an array of exactly that size; the scratch buffer grows for next time. */
    private static <T> byte[] exactly(ProtoCodec<T> codec, T value) {
        int size = codec.size(value);
        byte[] bytes = new byte[size];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            codec.write(value, out);
            out.checkNoSpaceLeft();
        } catch (IOException impossible) {
            throw new IllegalStateException("writing to an array cannot fail", impossible);
        }
        if (size <= LARGEST_KEPT) {
            SCRATCH.set(new byte[Math.max(size, SCRATCH.get().length * 2)]);
        }
        return bytes;
    }
}
