package dev.switchboard.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type Switchboard generated from a contract. Kept in the class file (CLASS retention) so
 * coverage and lint tools skip generated code: JaCoCo leaves out every class carrying an
 * annotation whose simple name contains {@code Generated} with CLASS or RUNTIME retention. Not
 * visible through reflection, and nothing at run time depends on it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Generated {

    /** The contract the type was generated from, as the build names it, e.g. {@code src/main/switchboard/service.yaml}. */
    String value();
}
