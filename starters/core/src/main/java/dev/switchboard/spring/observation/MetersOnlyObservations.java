package dev.switchboard.spring.observation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;

/**
 * An observation registry that only meters: Micrometer's meter handler on the application's
 * {@link MeterRegistry}, with the application's predicates ({@code management.observations.enable.*}),
 * filters (common key values) and global conventions, so what it records is named and tagged exactly
 * as on Spring Boot's registry. Used for server calls whose transport already traces them.
 */
public final class MetersOnlyObservations {

    private MetersOnlyObservations() {}

    public static ObservationRegistry registry(MeterRegistry meters, boolean longTaskTimers,
            List<ObservationPredicate> predicates, List<ObservationFilter> filters,
            List<GlobalObservationConvention<?>> conventions) {
        ObservationRegistry registry = ObservationRegistry.create();
        ObservationRegistry.ObservationConfig config = registry.observationConfig();
        config.observationHandler(longTaskTimers ? new DefaultMeterObservationHandler(meters)
                : new DefaultMeterObservationHandler(meters, DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
        predicates.forEach(config::observationPredicate);
        filters.forEach(config::observationFilter);
        conventions.forEach(config::observationConvention);
        return registry;
    }
}
