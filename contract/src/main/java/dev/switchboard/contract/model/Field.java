package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;

/**
 * A field of a message type.
 *
 * @param optional true when the field has presence: absent is distinguishable from the default
 *                 (nullable in Java, {@code optional} in proto3)
 */
public record Field(
        String name, TypeRef type, int tag, boolean optional, String doc, Constraints constraints, Position position) {}
