package dev.switchboard.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Spring test ({@code @SpringBootTest}): a {@link ContractStub} for each named service, from the contract its
 * jar carries, with the generated clients pointed at it. Each stub is a bean named {@code <service>Stub}
 * ({@code inventoryStub}) to script and inspect; stubs live as long as the test's application context, so reset
 * them between tests ({@link ContractStub#reset()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface StubServices {

    /** The contracts' service names, e.g. {@code "Inventory"}. */
    String[] value();
}
