package dev.switchboard.test;

/** A scripted answer the real service could not give: it breaks the contract's types or names an undeclared error. */
public final class ContractViolation extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    ContractViolation(String message) {
        super(message);
    }
}
