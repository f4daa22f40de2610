package dev.switchboard.runtime.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.switchboard.runtime.Bytes;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Every contract type's wire form: the scalars as protobuf's, {@code decimal} as a string,
 * {@code timestamp} and {@code duration} as the well-known messages, enums by number, records
 * through their generated codecs.
 */
public final class ProtoTypes {

    public static final ProtoType<Integer> INT32 = new Scalar<>(WireFormat.WIRETYPE_VARINT, 0) {
        public int sizeNoTag(Integer v) { return CodedOutputStream.computeInt32SizeNoTag(v); }
        public void writeNoTag(CodedOutputStream out, Integer v) throws IOException { out.writeInt32NoTag(v); }
        public Integer readNoTag(CodedInputStream in) throws IOException { return in.readInt32(); }
    };
    public static final ProtoType<Long> INT64 = new Scalar<>(WireFormat.WIRETYPE_VARINT, 0L) {
        public int sizeNoTag(Long v) { return CodedOutputStream.computeInt64SizeNoTag(v); }
        public void writeNoTag(CodedOutputStream out, Long v) throws IOException { out.writeInt64NoTag(v); }
        public Long readNoTag(CodedInputStream in) throws IOException { return in.readInt64(); }
    };
    public static final ProtoType<Integer> UINT32 = new Scalar<>(WireFormat.WIRETYPE_VARINT, 0) {
        public int sizeNoTag(Integer v) { return CodedOutputStream.computeUInt32SizeNoTag(v); }
        public void writeNoTag(CodedOutputStream out, Integer v) throws IOException { out.writeUInt32NoTag(v); }
        public Integer readNoTag(CodedInputStream in) throws IOException { return in.readUInt32(); }
    };
    public static final ProtoType<Long> UINT64 = new Scalar<>(WireFormat.WIRETYPE_VARINT, 0L) {
        public int sizeNoTag(Long v) { return CodedOutputStream.computeUInt64SizeNoTag(v); }
        public void writeNoTag(CodedOutputStream out, Long v) throws IOException { out.writeUInt64NoTag(v); }
        public Long readNoTag(CodedInputStream in) throws IOException { return in.readUInt64(); }
    };
    public static final ProtoType<Boolean> BOOL = new Scalar<>(WireFormat.WIRETYPE_VARINT, false) {
        public int sizeNoTag(Boolean v) { return 1; }
        public void writeNoTag(CodedOutputStream out, Boolean v) throws IOException { out.writeBoolNoTag(v); }
        public Boolean readNoTag(CodedInputStream in) throws IOException { return in.readBool(); }
    };
    public static final ProtoType<Float> FLOAT = new Scalar<>(WireFormat.WIRETYPE_FIXED32, 0f) {
        public int sizeNoTag(Float v) { return 4; }
        public void writeNoTag(CodedOutputStream out, Float v) throws IOException { out.writeFloatNoTag(v); }
        public Float readNoTag(CodedInputStream in) throws IOException { return in.readFloat(); }
    };
    public static final ProtoType<Double> DOUBLE = new Scalar<>(WireFormat.WIRETYPE_FIXED64, 0d) {
        public int sizeNoTag(Double v) { return 8; }
        public void writeNoTag(CodedOutputStream out, Double v) throws IOException { out.writeDoubleNoTag(v); }
        public Double readNoTag(CodedInputStream in) throws IOException { return in.readDouble(); }
    };
    public static final ProtoType<String> STRING = new Scalar<>(WireFormat.WIRETYPE_LENGTH_DELIMITED, "") {
        public int sizeNoTag(String v) { return CodedOutputStream.computeStringSizeNoTag(v); }
        public void writeNoTag(CodedOutputStream out, String v) throws IOException { out.writeStringNoTag(v); }
        public String readNoTag(CodedInputStream in) throws IOException { return in.readStringRequireUtf8(); }
    };
    public static final ProtoType<Bytes> BYTES = new Scalar<>(WireFormat.WIRETYPE_LENGTH_DELIMITED, Bytes.EMPTY) {
        public int sizeNoTag(Bytes v) { return CodedOutputStream.computeByteArraySizeNoTag(v.toByteArray()); }
        public void writeNoTag(CodedOutputStream out, Bytes v) throws IOException { out.writeByteArrayNoTag(v.toByteArray()); }
        public Bytes readNoTag(CodedInputStream in) throws IOException { return Bytes.of(in.readByteArray()); }
        @Override public boolean isDefault(Bytes v) { return v == null || v.isEmpty(); }
    };
    /** A decimal travels as its plain string, e.g. {@code "12.50"}. */
    public static final ProtoType<BigDecimal> DECIMAL = new Scalar<>(WireFormat.WIRETYPE_LENGTH_DELIMITED, null) {
        public int sizeNoTag(BigDecimal v) { return CodedOutputStream.computeStringSizeNoTag(v.toPlainString()); }
        public void writeNoTag(CodedOutputStream out, BigDecimal v) throws IOException { out.writeStringNoTag(v.toPlainString()); }
        public BigDecimal readNoTag(CodedInputStream in) throws IOException {
            String text = in.readStringRequireUtf8();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new InvalidProtocolBufferException("not a decimal: \"" + text + "\"");
            }
        }
    };
    /** {@code google.protobuf.Timestamp}: seconds (1) and nanos (2) since the epoch. */
    public static final ProtoType<Instant> TIMESTAMP = new SecondsAndNanos<>() {
        long seconds(Instant v) { return v.getEpochSecond(); }
        int nanos(Instant v) { return v.getNano(); }
        Instant of(long seconds, int nanos) { return Instant.ofEpochSecond(seconds, nanos); }
    };
    /** {@code google.protobuf.Duration}: seconds (1) and nanos (2) of the same sign. */
    public static final ProtoType<Duration> DURATION = new SecondsAndNanos<>() {
        long seconds(Duration v) { return v.getSeconds() < 0 && v.getNano() > 0 ? v.getSeconds() + 1 : v.getSeconds(); }
        int nanos(Duration v) { return v.getSeconds() < 0 && v.getNano() > 0 ? v.getNano() - 1_000_000_000 : v.getNano(); }
        Duration of(long seconds, int nanos) { return Duration.ofSeconds(seconds, nanos); }
    };

    private ProtoTypes() {}

    /** A generated enum by its number; unknown numbers read as the enum's {@code UNRECOGNIZED}. */
    public static <E extends Enum<E>> ProtoEnum<E> enumOf(IntFunction<E> forNumber, ToIntFunction<E> number, E unspecified) {
        return new ProtoEnum<>() {
            public int wireType() { return WireFormat.WIRETYPE_VARINT; }
            public E absent() { return unspecified; }
            public E forNumber(int n) { return forNumber.apply(n); }
            public int number(E v) { return number.applyAsInt(v); }
            public int sizeNoTag(E v) { return CodedOutputStream.computeEnumSizeNoTag(Math.max(0, number.applyAsInt(v))); }
            public void writeNoTag(CodedOutputStream out, E v) throws IOException { out.writeEnumNoTag(Math.max(0, number.applyAsInt(v))); }
            public E readNoTag(CodedInputStream in) throws IOException { return forNumber.apply(in.readEnum()); }
            @Override public boolean isDefault(E v) { return v == null || number.applyAsInt(v) <= 0; }
        };
    }

    /** A record through its codec, framed by its length. */
    public static <T> ProtoType<T> message(ProtoCodec<T> codec) {
        return new ProtoType<>() {
            public int wireType() { return WireFormat.WIRETYPE_LENGTH_DELIMITED; }
            public int sizeNoTag(T v) {
                int size = codec.size(v);
                return CodedOutputStream.computeUInt32SizeNoTag(size) + size;
            }
            public void writeNoTag(CodedOutputStream out, T v) throws IOException {
                ProtoBuffers.Scratch scratch = ProtoBuffers.patchable();
                if (scratch == null) {
                    out.writeUInt32NoTag(codec.size(v));
                    codec.write(v, out);
                } else {
                    int length = scratch.reserveLength(out);
                    codec.write(v, out);
                    scratch.patchLength(out, length);
                }
            }
            public T readNoTag(CodedInputStream in) throws IOException {
                int limit = in.pushLimit(in.readRawVarint32());
                T value = codec.read(in);
                in.checkLastTagWas(0);
                in.popLimit(limit);
                return value;
            }
            public T absent() {
                try {
                    return codec.read(CodedInputStream.newInstance(new byte[0]));
                } catch (IOException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        };
    }

    private abstract static class Scalar<T> implements ProtoType<T> {
        private final int wireType;
        private final T absent;

        Scalar(int wireType, T absent) {
            this.wireType = wireType;
            this.absent = absent;
        }

        @Override
        public int wireType() {
            return wireType;
        }

        @Override
        public T absent() {
            return absent;
        }
    }

    private abstract static class SecondsAndNanos<T> implements ProtoType<T> {
        abstract long seconds(T value);

        abstract int nanos(T value);

        abstract T of(long seconds, int nanos);

        @Override
        public int wireType() {
            return WireFormat.WIRETYPE_LENGTH_DELIMITED;
        }

        private int bodySize(T v) {
            long seconds = seconds(v);
            int nanos = nanos(v);
            return (seconds == 0 ? 0 : CodedOutputStream.computeInt64Size(1, seconds))
                    + (nanos == 0 ? 0 : CodedOutputStream.computeInt32Size(2, nanos));
        }

        @Override
        public int sizeNoTag(T v) {
            int body = bodySize(v);
            return CodedOutputStream.computeUInt32SizeNoTag(body) + body;
        }

        @Override
        public void writeNoTag(CodedOutputStream out, T v) throws IOException {
            out.writeUInt32NoTag(bodySize(v));
            long seconds = seconds(v);
            int nanos = nanos(v);
            if (seconds != 0) {
                out.writeInt64(1, seconds);
            }
            if (nanos != 0) {
                out.writeInt32(2, nanos);
            }
        }

        @Override
        public T readNoTag(CodedInputStream in) throws IOException {
            int limit = in.pushLimit(in.readRawVarint32());
            long seconds = 0;
            int nanos = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == 8) {
                    seconds = in.readInt64();
                } else if (tag == 16) {
                    nanos = in.readInt32();
                } else if (!in.skipField(tag)) {
                    break;
                }
            }
            in.popLimit(limit);
            try {
                return of(seconds, nanos);
            } catch (RuntimeException outOfRange) {
                throw new InvalidProtocolBufferException("seconds " + seconds + " and nanos " + nanos + " are out of range");
            }
        }

        @Override
        public T absent() {
            return null;
        }
    }
}
