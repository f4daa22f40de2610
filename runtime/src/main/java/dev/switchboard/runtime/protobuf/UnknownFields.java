package dev.switchboard.runtime.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a record read from protobuf carried that this version of the contract does not know,
 * kept so that a service passing the record on (or writing it back) loses nothing a newer peer
 * sent: fields with numbers it does not know, as they arrived, and the numbers of enum values it
 * does not know.
 *
 * <p>A singular enum field holding a number this version does not know reads as
 * {@code UNRECOGNIZED} and is written back with that number, in place, as protoc's proto3 classes
 * do. An unknown number inside a list or a map leaves the collection (a record cannot hold it)
 * and is written back after the known fields, as protobuf-java does for closed enums; a reader
 * sees the same values.
 *
 * <p>Records built in code have none ({@link #EMPTY}); equal records have equal unknown fields.
 */
public final class UnknownFields {

    public static final UnknownFields EMPTY = new UnknownFields(ByteString.EMPTY, Map.of());

    /** Whole fields (tag and value), in the order they arrived. */
    private final ByteString fields;

    /** Per singular enum field number, the last number it arrived with that the enum does not know. */
    private final Map<Integer, Integer> enumNumbers;

    private UnknownFields(ByteString fields, Map<Integer, Integer> enumNumbers) {
        this.fields = fields;
        this.enumNumbers = enumNumbers;
    }

    /** Reads the field {@code tag} starts and keeps it. */
    public UnknownFields read(CodedInputStream in, int tag) throws IOException {
        ByteString.Output bytes = ByteString.newOutput();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        in.skipField(tag, out);
        out.flush();
        return new UnknownFields(fields.concat(bytes.toByteString()), enumNumbers);
    }

    /** Keeps a varint field, e.g. an enum list element this version does not know. */
    public UnknownFields withVarint(int field, long value) {
        byte[] bytes = new byte[CodedOutputStream.computeUInt64Size(field, value)];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            out.writeUInt64(field, value);
        } catch (IOException impossible) {
            throw new IllegalStateException("writing to an array cannot fail", impossible);
        }
        return new UnknownFields(fields.concat(ByteString.copyFrom(bytes)), enumNumbers);
    }

    /** Keeps a whole field already encoded, tag included. */
    UnknownFields withField(byte[] encoded) {
        return new UnknownFields(fields.concat(ByteString.copyFrom(encoded)), enumNumbers);
    }

    /** Keeps the number a singular enum field arrived with when its enum does not know it. */
    public UnknownFields withEnumNumber(int field, int number) {
        Map<Integer, Integer> numbers = new TreeMap<>(enumNumbers);
        numbers.put(field, number);
        return new UnknownFields(fields, Map.copyOf(numbers));
    }

    /**
     * The number to write for a singular enum field: {@code number} itself, or for
     * {@code UNRECOGNIZED} (-1) the number it arrived with, else 0 (left out).
     */
    public int enumNumber(int field, int number) {
        if (number >= 0) {
            return number;
        }
        return enumNumbers.getOrDefault(field, 0);
    }

    public boolean isEmpty() {
        return fields.isEmpty() && enumNumbers.isEmpty();
    }

    /** The bytes {@link #writeTo} writes: the kept fields (enum numbers are written in place). */
    public int size() {
        return fields.size();
    }

    /** Writes the kept fields, after the known ones. */
    public void writeTo(CodedOutputStream out) throws IOException {
        if (!fields.isEmpty()) {
            out.writeRawBytes(fields);
        }
    }

    /** The kept fields as they would be written. */
    public byte[] toByteArray() {
        return fields.toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnknownFields that && fields.equals(that.fields) && enumNumbers.equals(that.enumNumbers);
    }

    @Override
    public int hashCode() {
        return 31 * fields.hashCode() + enumNumbers.hashCode();
    }

    /** Short enough for a record's {@code toString}: {@code {}} when there are none. */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "{}";
        }
        StringBuilder text = new StringBuilder("{");
        if (!fields.isEmpty()) {
            text.append(fields.size()).append(" bytes of fields");
        }
        if (!enumNumbers.isEmpty()) {
            text.append(fields.isEmpty() ? "" : ", ").append("enum numbers ").append(enumNumbers);
        }
        return text.append('}').toString();
    }
}
