package dev.switchboard.benchmarks.messaging.bare;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code -Dbench.bareTracing=true}: the plain baselines trace and meter every publish and every message the way their
 * library does when asked (spring-kafka's and spring-amqp's own observations, switched on; jnats has none, so a
 * sender and a receiver observation by hand with Micrometer's API), on the observation registry of a plain Spring Boot
 * application: Boot's metrics and tracing auto-configuration, sampled like the generated side, no Switchboard. A run
 * then prices Switchboard's observation against the library's own rather than against none.
 */
public final class BareTracing {

    public static final boolean ENABLED = Boolean.getBoolean("bench.bareTracing");

    private static ConfigurableApplicationContext context;

    private BareTracing() {}

    /** The plain application, started on first use and shared by every bare side; null when not enabled. */
    static synchronized ConfigurableApplicationContext context() {
        if (!ENABLED) {
            return null;
        }
        if (context == null) {
            List<String> switchboard = ImportCandidates.load(AutoConfiguration.class,
                    BareTracing.class.getClassLoader()).getCandidates().stream()
                    .filter(name -> name.startsWith("dev.switchboard.")).toList();
            context = new SpringApplicationBuilder(TracingApplication.class).web(WebApplicationType.NONE).properties(
                    "spring.main.banner-mode=off", "logging.level.root=warn",
                    "spring.application.name=prices-bench-bare",
                    "management.tracing.sampling.probability=" + System.getProperty("bench.sampling", "1.0"),
                    // As a Boot application tracing Kafka sets it: Boot's own template then keeps no timer of its
                    // own under the name the observation's timer takes.
                    "spring.kafka.template.observation-enabled=true",
                    "spring.autoconfigure.exclude=" + String.join(",", switchboard)).run();
        }
        return context;
    }

    /** Boot's observation registry, or the no-op one when not enabled. */
    static ObservationRegistry registry() {
        return ENABLED ? context().getBean(ObservationRegistry.class) : ObservationRegistry.NOOP;
    }

    /** Closes the plain application, if one was started. */
    public static synchronized void close() {
        if (context != null) {
            if (Boolean.getBoolean("bench.verbose")) {
                // What traced and metered the libraries' observations: a run shows the baselines were observed.
                System.out.println("  bare tracing: spans by " + context.getBean(Tracer.class).getClass().getName());
                context.getBean(MeterRegistry.class).getMeters().stream().filter(Timer.class::isInstance)
                        .map(Timer.class::cast).filter(timer -> timer.count() > 0)
                        .forEach(timer -> System.out.printf(Locale.ROOT, "  bare tracing: %s %s %d%n",
                                timer.getId().getName(), timer.getId().getTags(), timer.count()));
            }
            context.close();
            context = null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TracingApplication {}
}
