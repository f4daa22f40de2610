package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;

/** One declared enum constant: UPPER_SNAKE name and its wire number (1 or more). */
public record EnumValue(String name, int number, String doc, Position position) {}
