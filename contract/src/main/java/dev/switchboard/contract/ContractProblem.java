package dev.switchboard.contract;

/**
 * One thing wrong with a contract: where, what is wrong, and what to write instead.
 * Rendered as {@code file:line:column: what is wrong — what to write instead}.
 */
public record ContractProblem(Position position, String message, String fix) {

    @Override
    public String toString() {
        return position + ": " + message + " — " + fix;
    }
}
