package dev.switchboard.runtime.protobuf;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * How one value of a field type travels, without its tag: the element of a list, the key or value
 * of a map entry, or a present optional value. Constants for every contract type are in {@link ProtoTypes}.
 */
public interface ProtoType<T> {

    /** The wire type of one value; {@code WIRETYPE_LENGTH_DELIMITED} for strings, bytes and messages. */
    int wireType();

    int sizeNoTag(T value);

    void writeNoTag(CodedOutputStream out, T value) throws IOException;

    T readNoTag(CodedInputStream in) throws IOException;

    /** What an absent map key or value reads as. */
    T absent();

    /** Whether a field without presence holding {@code value} is left out: the default, empty bytes, an unset enum. */
    default boolean isDefault(T value) {
        return value == null || value.equals(absent());
    }

    /** Whether proto3 packs a list of these: numbers and enums. */
    default boolean packable() {
        return wireType() != WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }
}
