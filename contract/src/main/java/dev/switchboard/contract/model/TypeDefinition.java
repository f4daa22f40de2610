package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;

/** A named type of the contract: a message (record) or an enum. */
public sealed interface TypeDefinition permits MessageType, EnumType {

    String name();

    /** Documentation from the contract, or null. */
    String doc();

    Position position();
}
