package dev.switchboard.spring.jdbc;

import dev.switchboard.jdbc.outbox.JdbcOutbox;
import dev.switchboard.jdbc.outbox.OutboxSchema;
import dev.switchboard.jdbc.outbox.OutboxSettings;
import dev.switchboard.runtime.messaging.DefaultMessagePublisher;
import dev.switchboard.runtime.messaging.MessagePublisher;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.observation.MessageObservations;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.resilience.PolicyOverrides;
import dev.switchboard.spring.messaging.MessagingProperties;
import dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code switchboard.messaging.outbox=jdbc}: the publisher generated {@code <Service>Events} and
 * {@code <Service>Commands} use writes to the outbox table in the application's transaction on its
 * {@link DataSource}, and a relay sends the rows over the broker transport after commit. Listeners
 * keep the broker transport; the {@link MessageTransport} bean stays the broker's.
 *
 * <p>Runs before the messaging auto-configuration, whose direct publisher then backs off.
 * {@code switchboard.jdbc.initialize-schema=never} leaves the tables to the application's migrations
 * ({@code db/switchboard/<database>/outbox.sql}).
 */
@AutoConfiguration(before = SwitchboardMessagingAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnProperty(name = "switchboard.messaging.outbox", havingValue = "jdbc")
@EnableConfigurationProperties({OutboxProperties.class, JdbcStoresProperties.class, MessagingProperties.class})
public class SwitchboardOutboxAutoConfiguration {

    /** The outbox and its relay, started with the application and stopped before its broker transport. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnMissingBean
    JdbcOutbox switchboardOutbox(DataSource dataSource, MessageTransport transport, OutboxProperties properties,
            JdbcStoresProperties stores, ObjectProvider<MeterRegistry> meters) {
        OutboxSettings settings = properties.toSettings();
        if (SwitchboardJdbcStoresAutoConfiguration.initializes(stores, dataSource)) {
            OutboxSchema.create(dataSource, settings);
        }
        return new JdbcOutbox(dataSource, transport, settings, meters.getIfAvailable());
    }

    /** The same publisher as without the outbox, writing through it. */
    @Bean
    @ConditionalOnMissingBean
    MessagePublisher switchboardOutboxMessagePublisher(JdbcOutbox outbox, MessagingProperties properties,
            ObjectProvider<JsonMapper> json, ObjectProvider<MessageObservations> observations) {
        return new DefaultMessagePublisher(outbox.transport(), json.getIfAvailable(() -> JsonMapper.builder().build()),
                observations.getIfAvailable(() -> new MessageObservations(ObservationRegistry.NOOP)),
                "protobuf".equals(properties.getPayload()), new PolicyEngine(PolicyOverrides.none()));
    }
}
