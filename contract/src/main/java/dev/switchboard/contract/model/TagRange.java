package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;

/** Reserved tags (or enum numbers), inclusive; a single tag has {@code from == to}. */
public record TagRange(int from, int to, Position position) {

    public boolean contains(int tag) {
        return tag >= from && tag <= to;
    }

    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
