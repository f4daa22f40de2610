package dev.switchboard.contract;

/** Where something stands in a contract file; 1-based line and column, as editors show them. */
public record Position(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
