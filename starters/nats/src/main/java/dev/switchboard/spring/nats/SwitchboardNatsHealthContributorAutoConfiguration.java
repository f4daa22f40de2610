package dev.switchboard.spring.nats;

import io.nats.client.Connection;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * The {@code nats} health contributor ({@code management.health.nats.enabled}), one indicator per NATS
 * {@link Connection} bean, as Boot's own modules contribute theirs.
 */
@AutoConfiguration(after = SwitchboardNatsAutoConfiguration.class)
@ConditionalOnClass({ HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Connection.class)
@ConditionalOnEnabledHealthIndicator("nats")
public class SwitchboardNatsHealthContributorAutoConfiguration
        extends CompositeHealthContributorConfiguration<NatsHealthIndicator, Connection> {

    SwitchboardNatsHealthContributorAutoConfiguration() {
        super(NatsHealthIndicator::new);
    }

    @Bean
    @ConditionalOnMissingBean(name = { "natsHealthIndicator", "natsHealthContributor" })
    HealthContributor natsHealthContributor(ConfigurableListableBeanFactory beanFactory) {
        return createContributor(beanFactory, Connection.class);
    }
}
