package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;
import java.util.List;

/**
 * An enumeration. Every enum also has the implicit value {@code UNSPECIFIED = 0}, which is not
 * listed in {@link #values()}.
 */
public record EnumType(String name, String doc, List<EnumValue> values, List<TagRange> reserved, Position position)
        implements TypeDefinition {

    public static final String UNSPECIFIED = "UNSPECIFIED";

    public EnumType {
        values = List.copyOf(values);
        reserved = List.copyOf(reserved);
    }
}
