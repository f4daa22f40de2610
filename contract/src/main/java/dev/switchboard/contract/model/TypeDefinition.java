package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;
import java.util.List;

/** A named type of the contract: a message (record) or an enum. */
public sealed interface TypeDefinition permits MessageType, EnumType {

    String name();

    /** Documentation from the contract, or null. */
    String doc();

    /** Tags (or enum numbers) that must never be used again, e.g. those of deleted fields. */
    List<TagRange> reserved();

    Position position();
}
