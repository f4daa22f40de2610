package dev.switchboard.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the application is configured to call {@code service} over {@code transport}:
 * {@code switchboard.services.<service>.client.transport} equals it ({@code rest} when unset) and
 * the transport's address is set ({@code client.base-url} for REST). Generated client beans use it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnSwitchboardClientCondition.class)
public @interface ConditionalOnSwitchboardClient {

    /** The contract's service name, e.g. {@code Orders}. */
    String service();

    /** {@code rest} or {@code grpc}. */
    String transport();
}
