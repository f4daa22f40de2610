package dev.switchboard.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Spring test ({@code @SpringBootTest}): a {@link ContractStub} for each named service (from the contract its
 * jar carries) and each contract file, with the generated clients pointed at it over the transport the application
 * configures for them. Each stub is a bean named {@code <service>Stub} ({@code inventoryStub}) to script and
 * inspect; stubs live as long as the test's application context, so reset them between tests
 * ({@link ContractStub#reset()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface StubServices {

    /** The contracts' service names, e.g. {@code "Inventory"}, found in service jars on the class path. */
    String[] value() default {};

    /**
     * Contract files, relative to the working directory (the module's directory when Maven runs the test), for a
     * service imported by path rather than by coordinates.
     */
    String[] contracts() default {};

    /**
     * {@code rest} or {@code grpc}; by default the transport the application configures for the client
     * ({@code switchboard.services.<service>.client.transport}), else REST when the contract has routes.
     */
    String transport() default "";
}
