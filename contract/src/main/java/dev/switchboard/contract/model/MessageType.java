package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;
import java.util.List;

/** A structured type: a Java record, a protobuf message, a JSON object. */
public record MessageType(String name, String doc, List<Field> fields, List<TagRange> reserved, Position position)
        implements TypeDefinition {

    public MessageType {
        fields = List.copyOf(fields);
        reserved = List.copyOf(reserved);
    }
}
