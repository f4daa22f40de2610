package dev.switchboard.runtime.protobuf;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Encodes a whole message in one pass, with no size pass at any depth. The message is written into
 * a per-thread scratch array and copied out. A length-delimited body inside it (a nested record, a
 * packed list, a map entry) gets one byte reserved for its length, is written, and then has its
 * length patched in; a body of 128 bytes or more moves right by the extra varint bytes, as
 * protobuf-java's own writer does for strings. protoc's classes avoid the size pass by memoizing
 * sizes in the message; records cannot, and this is how they need not.
 *
 * <p>Only a message larger than the scratch array (or one encoded while another is being encoded
 * on the same thread) is sized first and written into an exact array; the array grows, up to a
 * bound, for the next one.
 */
final class ProtoBuffers {

    private static final int INITIAL = 16 * 1024;
    private static final int LARGEST_KEPT = 1024 * 1024;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> new Scratch(new byte[INITIAL]));

    private ProtoBuffers() {}

    static <T> byte[] encode(ProtoCodec<T> codec, T value) {
        Scratch scratch = SCRATCH.get();
        if (scratch.writing) {
            return exactly(codec, value, scratch);
        }
        // The stream stays a local (never stored) so the JIT can keep it in registers.
        CodedOutputStream out = CodedOutputStream.newInstance(scratch.array);
        scratch.writing = true;
        try {
            codec.write(value, out);
        } catch (CodedOutputStream.OutOfSpaceException tooLarge) {
            return grown(codec, value, scratch);
        } catch (IOException impossible) {
            throw new IllegalStateException("writing to an array cannot fail", impossible);
        } finally {
            scratch.writing = false;
        }
        return Arrays.copyOf(scratch.array, out.getTotalBytesWritten());
    }

    /** A message larger than the scratch array: written exactly, and the array grows for the next one. */
    private static <T> byte[] grown(ProtoCodec<T> codec, T value, Scratch scratch) {
        scratch.writing = false;
        byte[] bytes = exactly(codec, value, scratch);
        if (bytes.length <= LARGEST_KEPT) {
            SCRATCH.set(new Scratch(new byte[Math.max(bytes.length, scratch.array.length * 2)]));
        }
        return bytes;
    }

    /**
     * This thread's scratch array while a message is being encoded into it, so a length prefix
     * can be patched in after its body; {@code null} otherwise (then sizes must come first). Every
     * write on this thread during {@link #encode} goes to the scratch array: generated codecs
     * write nothing else, and a message encoded meanwhile is written {@link #exactly}.
     */
    static Scratch patchable() {
        Scratch scratch = SCRATCH.get();
        return scratch.writing ? scratch : null;
    }

    /** Sizes first, writes into an array of exactly that size, with no patching meanwhile. */
    private static <T> byte[] exactly(ProtoCodec<T> codec, T value, Scratch scratch) {
        boolean writing = scratch.writing;
        scratch.writing = false;
        try {
            byte[] bytes = new byte[codec.size(value)];
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            codec.write(value, out);
            out.checkNoSpaceLeft();
            return bytes;
        } catch (IOException impossible) {
            throw new IllegalStateException("writing to an array cannot fail", impossible);
        } finally {
            scratch.writing = writing;
        }
    }

    /** One thread's scratch array, and whether a message is being encoded into it. */
    static final class Scratch {
        private final byte[] array;
        private boolean writing;

        private Scratch(byte[] array) {
            this.array = array;
        }

        /** Reserves one byte for the length of the body {@code out} writes next; returns where it is. */
        int reserveLength(CodedOutputStream out) throws IOException {
            int at = out.getTotalBytesWritten();
            out.write((byte) 0);
            return at;
        }

        /** Writes the length of the body written since {@link #reserveLength} into its place. */
        void patchLength(CodedOutputStream out, int at) throws IOException {
            int length = out.getTotalBytesWritten() - at - 1;
            if (length < 0x80) {
                array[at] = (byte) length;
                return;
            }
            int extra = CodedOutputStream.computeUInt32SizeNoTag(length) - 1;
            for (int i = 0; i < extra; i++) {
                out.write((byte) 0);
            }
            System.arraycopy(array, at + 1, array, at + 1 + extra, length);
            for (int value = length; ; value >>>= 7) {
                if ((value & ~0x7F) == 0) {
                    array[at] = (byte) value;
                    return;
                }
                array[at++] = (byte) ((value & 0x7F) | 0x80);
            }
        }
    }
}
