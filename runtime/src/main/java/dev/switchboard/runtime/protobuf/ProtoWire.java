package dev.switchboard.runtime.protobuf;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Field-level writing, sizing and reading that generated codecs share, following proto3 as
 * protobuf-java does it: singular values without presence are left out when they hold the
 * default, present values (optional fields, records) always written, numeric lists packed, map
 * entries written with both key and value.
 */
public final class ProtoWire {

    private ProtoWire() {}

    /** The tag of {@code field} with {@code wireType}, as {@code CodedInputStream.readTag} returns it. */
    public static int tag(int field, int wireType) {
        return (field << 3) | wireType;
    }

    // Singular fields without presence: written only when not the default.

    public static void writeInt32(CodedOutputStream out, int field, int value) throws IOException {
        if (value != 0) {
            out.writeInt32(field, value);
        }
    }

    public static int sizeInt32(int field, int value) {
        return value == 0 ? 0 : CodedOutputStream.computeInt32Size(field, value);
    }

    public static void writeInt64(CodedOutputStream out, int field, long value) throws IOException {
        if (value != 0) {
            out.writeInt64(field, value);
        }
    }

    public static int sizeInt64(int field, long value) {
        return value == 0 ? 0 : CodedOutputStream.computeInt64Size(field, value);
    }

    public static void writeUInt32(CodedOutputStream out, int field, int value) throws IOException {
        if (value != 0) {
            out.writeUInt32(field, value);
        }
    }

    public static int sizeUInt32(int field, int value) {
        return value == 0 ? 0 : CodedOutputStream.computeUInt32Size(field, value);
    }

    public static void writeUInt64(CodedOutputStream out, int field, long value) throws IOException {
        if (value != 0) {
            out.writeUInt64(field, value);
        }
    }

    public static int sizeUInt64(int field, long value) {
        return value == 0 ? 0 : CodedOutputStream.computeUInt64Size(field, value);
    }

    public static void writeBool(CodedOutputStream out, int field, boolean value) throws IOException {
        if (value) {
            out.writeBool(field, true);
        }
    }

    public static int sizeBool(int field, boolean value) {
        return value ? CodedOutputStream.computeBoolSize(field, true) : 0;
    }

    /** Written unless +0.0: protobuf compares the raw bits, so -0.0 travels. */
    public static void writeFloat(CodedOutputStream out, int field, float value) throws IOException {
        if (Float.floatToRawIntBits(value) != 0) {
            out.writeFloat(field, value);
        }
    }

    public static int sizeFloat(int field, float value) {
        return Float.floatToRawIntBits(value) == 0 ? 0 : CodedOutputStream.computeFloatSize(field, value);
    }

    public static void writeDouble(CodedOutputStream out, int field, double value) throws IOException {
        if (Double.doubleToRawLongBits(value) != 0) {
            out.writeDouble(field, value);
        }
    }

    public static int sizeDouble(int field, double value) {
        return Double.doubleToRawLongBits(value) == 0 ? 0 : CodedOutputStream.computeDoubleSize(field, value);
    }

    public static void writeString(CodedOutputStream out, int field, String value) throws IOException {
        if (!value.isEmpty()) {
            out.writeString(field, value);
        }
    }

    public static int sizeString(int field, String value) {
        return value.isEmpty() ? 0 : CodedOutputStream.computeStringSize(field, value);
    }

    /** An enum by its number; 0 (unset) and -1 (a number this version did not know) are left out. */
    private static void writeEnum(CodedOutputStream out, int field, int number) throws IOException {
        if (number > 0) {
            out.writeEnum(field, number);
        }
    }

    private static int sizeEnum(int field, int number) {
        return number > 0 ? CodedOutputStream.computeEnumSize(field, number) : 0;
    }

    /** A singular enum; {@code UNRECOGNIZED} (-1) writes the number it was read with, if any. */
    public static void writeEnum(CodedOutputStream out, int field, int number, UnknownFields unknown) throws IOException {
        writeEnum(out, field, unknown.enumNumber(field, number));
    }

    public static int sizeEnum(int field, int number, UnknownFields unknown) {
        return sizeEnum(field, unknown.enumNumber(field, number));
    }

    /** An optional enum: written whenever present, {@code UNRECOGNIZED} with the number it was read with. */
    public static <E> void writePresentEnum(CodedOutputStream out, int field, E value, ProtoEnum<E> type, UnknownFields unknown)
            throws IOException {
        if (value != null) {
            out.writeEnum(field, Math.max(0, unknown.enumNumber(field, type.number(value))));
        }
    }

    public static <E> int sizePresentEnum(int field, E value, ProtoEnum<E> type, UnknownFields unknown) {
        return value == null ? 0 : CodedOutputStream.computeEnumSize(field, Math.max(0, unknown.enumNumber(field, type.number(value))));
    }

    /** A value without presence of any other type: left out when it equals the type's absent value. */
    public static <T> void writeSingular(CodedOutputStream out, int field, T value, ProtoType<T> type) throws IOException {
        if (!type.isDefault(value)) {
            writePresent(out, field, value, type);
        }
    }

    public static <T> int sizeSingular(int field, T value, ProtoType<T> type) {
        return type.isDefault(value) ? 0 : sizePresent(field, value, type);
    }

    /** A value with presence (optional fields, records, timestamps): written whenever it is there. */
    public static <T> void writePresent(CodedOutputStream out, int field, T value, ProtoType<T> type) throws IOException {
        if (value != null) {
            out.writeTag(field, type.wireType());
            type.writeNoTag(out, value);
        }
    }

    public static <T> int sizePresent(int field, T value, ProtoType<T> type) {
        return value == null ? 0 : CodedOutputStream.computeTagSize(field) + type.sizeNoTag(value);
    }

    public static <T> void writeList(CodedOutputStream out, int field, List<T> values, ProtoType<T> type) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        if (type.packable()) {
            out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            ProtoBuffers.Scratch scratch = ProtoBuffers.patchable();
            int length = 0;
            if (scratch == null) {
                out.writeUInt32NoTag(packedSize(values, type));
            } else {
                length = scratch.reserveLength(out);
            }
            for (T value : values) {
                type.writeNoTag(out, value);
            }
            if (scratch != null) {
                scratch.patchLength(out, length);
            }
        } else {
            for (T value : values) {
                out.writeTag(field, type.wireType());
                type.writeNoTag(out, value);
            }
        }
    }

    public static <T> int sizeList(int field, List<T> values, ProtoType<T> type) {
        if (values.isEmpty()) {
            return 0;
        }
        if (type.packable()) {
            int data = packedSize(values, type);
            return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(data) + data;
        }
        int size = CodedOutputStream.computeTagSize(field) * values.size();
        for (T value : values) {
            size += type.sizeNoTag(value);
        }
        return size;
    }

    private static <T> int packedSize(List<T> values, ProtoType<T> type) {
        int size = 0;
        for (T value : values) {
            size += type.sizeNoTag(value);
        }
        return size;
    }

    /** One list element as it arrived: packed (length-delimited run) or one value; both are accepted. */
    public static <T> void readListElement(CodedInputStream in, int tag, List<T> values, ProtoType<T> type) throws IOException {
        if (type.packable() && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
                values.add(type.readNoTag(in));
            }
            in.popLimit(limit);
        } else {
            values.add(type.readNoTag(in));
        }
    }

    /**
     * One element of an enum list as it arrived (packed or not): numbers the enum does not know
     * leave the list and are kept in {@code unknown}, which is returned.
     */
    public static <E> UnknownFields readEnumListElement(CodedInputStream in, int tag, List<E> values, ProtoEnum<E> type,
            UnknownFields unknown) throws IOException {
        int field = WireFormat.getTagFieldNumber(tag);
        if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            return addEnum(in.readEnum(), field, values, type, unknown);
        }
        int limit = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
            unknown = addEnum(in.readEnum(), field, values, type, unknown);
        }
        in.popLimit(limit);
        return unknown;
    }

    private static <E> UnknownFields addEnum(int number, int field, List<E> values, ProtoEnum<E> type, UnknownFields unknown) {
        E value = type.forNumber(number);
        if (type.number(value) < 0) {
            return unknown.withVarint(field, number);
        }
        values.add(value);
        return unknown;
    }

    public static <K, V> void writeMap(CodedOutputStream out, int field, Map<K, V> entries, ProtoType<K> keys, ProtoType<V> values)
            throws IOException {
        ProtoBuffers.Scratch scratch = entries.isEmpty() ? null : ProtoBuffers.patchable();
        for (Map.Entry<K, V> entry : entries.entrySet()) {
            out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            int length = 0;
            if (scratch == null) {
                out.writeUInt32NoTag(entrySize(entry, keys, values));
            } else {
                length = scratch.reserveLength(out);
            }
            out.writeTag(1, keys.wireType());
            keys.writeNoTag(out, entry.getKey());
            out.writeTag(2, values.wireType());
            values.writeNoTag(out, entry.getValue());
            if (scratch != null) {
                scratch.patchLength(out, length);
            }
        }
    }

    public static <K, V> int sizeMap(int field, Map<K, V> entries, ProtoType<K> keys, ProtoType<V> values) {
        int size = 0;
        for (Map.Entry<K, V> entry : entries.entrySet()) {
            int entrySize = entrySize(entry, keys, values);
            size += CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(entrySize) + entrySize;
        }
        return size;
    }

    private static <K, V> int entrySize(Map.Entry<K, V> entry, ProtoType<K> keys, ProtoType<V> values) {
        return CodedOutputStream.computeTagSize(1) + keys.sizeNoTag(entry.getKey())
                + CodedOutputStream.computeTagSize(2) + values.sizeNoTag(entry.getValue());
    }

    /**
     * One entry of a map with enum values: an entry whose value the enum does not know leaves the
     * map and is kept whole in {@code unknown}, which is returned.
     */
    public static <K, V> UnknownFields readEnumMapEntry(CodedInputStream in, int tag, Map<K, V> entries, ProtoType<K> keys,
            ProtoEnum<V> values, UnknownFields unknown) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        K key = keys.absent();
        int number = 0;
        int keyTag = tag(1, keys.wireType());
        for (int entryTag = in.readTag(); entryTag != 0; entryTag = in.readTag()) {
            if (entryTag == keyTag) {
                key = keys.readNoTag(in);
            } else if (entryTag == tag(2, WireFormat.WIRETYPE_VARINT)) {
                number = in.readEnum();
            } else if (!in.skipField(entryTag)) {
                break;
            }
        }
        in.popLimit(limit);
        V value = values.forNumber(number);
        if (values.number(value) >= 0) {
            entries.put(key, value);
            return unknown;
        }
        int entrySize = CodedOutputStream.computeTagSize(1) + keys.sizeNoTag(key) + CodedOutputStream.computeEnumSize(2, number);
        byte[] entry = new byte[CodedOutputStream.computeUInt32SizeNoTag(tag) + CodedOutputStream.computeUInt32SizeNoTag(entrySize) + entrySize];
        CodedOutputStream out = CodedOutputStream.newInstance(entry);
        out.writeUInt32NoTag(tag);
        out.writeUInt32NoTag(entrySize);
        out.writeTag(1, keys.wireType());
        keys.writeNoTag(out, key);
        out.writeEnum(2, number);
        return unknown.withField(entry);
    }

    /** One map entry; a missing key or value reads as its type's absent value. */
    public static <K, V> void readMapEntry(CodedInputStream in, Map<K, V> entries, ProtoType<K> keys, ProtoType<V> values)
            throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        K key = keys.absent();
        V value = null;
        int keyTag = tag(1, keys.wireType());
        int valueTag = tag(2, values.wireType());
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == keyTag) {
                key = keys.readNoTag(in);
            } else if (tag == valueTag) {
                value = values.readNoTag(in);
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        in.popLimit(limit);
        entries.put(key, value != null ? value : values.absent());
    }
}
