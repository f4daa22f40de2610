package dev.switchboard.spring.nats;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.nats.client.Connection;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/** Meters of the NATS connection, bound to every registry as Boot binds its own {@code MeterBinder}s. */
@AutoConfiguration(after = SwitchboardNatsAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnSingleCandidate(Connection.class)
public class SwitchboardNatsMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    NatsConnectionMetrics natsConnectionMetrics(Connection connection) {
        return new NatsConnectionMetrics(connection, Tags.empty());
    }
}
