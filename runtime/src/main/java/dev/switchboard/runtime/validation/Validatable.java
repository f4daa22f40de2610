package dev.switchboard.runtime.validation;

/** Implemented by generated records whose fields (or nested fields) carry contract constraints. */
public interface Validatable {

    /** Reports every broken constraint of this value to {@code check}; never throws for bad values. */
    void validate(ConstraintCheck check);
}
