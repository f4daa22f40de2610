package dev.switchboard.spring.messaging;

import dev.switchboard.runtime.messaging.DefaultMessageListeners;
import dev.switchboard.runtime.messaging.DefaultMessagePublisher;
import dev.switchboard.runtime.messaging.EmbeddedBroker;
import dev.switchboard.runtime.messaging.InMemoryProcessedMessages;
import dev.switchboard.runtime.messaging.MessageListeners;
import dev.switchboard.runtime.messaging.MessagePublisher;
import dev.switchboard.runtime.messaging.MessageSubscriptions;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.ProcessedMessages;
import dev.switchboard.runtime.observation.MessageObservations;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.resilience.PolicyOverrides;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events and commands: the embedded broker unless {@code switchboard.messaging.broker} names
 * another (whose starter supplies the transport), the publisher generated {@code <Service>Events}
 * and {@code <Service>Commands} use, the listeners generated handlers are subscribed through, and
 * the lifecycle that opens their subscriptions once the application is ready.
 */
@AutoConfiguration(afterName = {
        "dev.switchboard.spring.SwitchboardAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@EnableConfigurationProperties(MessagingProperties.class)
public class SwitchboardMessagingAutoConfiguration {

    /** The JVM's shared in-memory broker; applications sharing it must not close it for the others. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean(MessageTransport.class)
    @ConditionalOnProperty(name = "switchboard.messaging.broker", havingValue = "embedded", matchIfMissing = true)
    MessageTransport switchboardEmbeddedBroker() {
        return EmbeddedBroker.shared();
    }

    /**
     * By default the ids live in memory, bounded: at-least-once per instance. With
     * {@code switchboard.messaging.processed-messages=jdbc} the JDBC starter declares the
     * transactional inbox instead, whichever auto-configuration runs first.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "switchboard.messaging.processed-messages", havingValue = "memory",
            matchIfMissing = true)
    ProcessedMessages switchboardProcessedMessages() {
        return new InMemoryProcessedMessages();
    }

    /** A setting that would otherwise fall back to memory in silence, losing what it was chosen for. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "switchboard.messaging.processed-messages", havingValue = "jdbc")
    @ConditionalOnMissingClass("dev.switchboard.jdbc.inbox.JdbcProcessedMessages")
    ProcessedMessages switchboardJdbcProcessedMessagesMissing() {
        throw new IllegalStateException("switchboard.messaging.processed-messages=jdbc needs the JDBC stores: add "
                + "dev.switchboard:switchboard-spring-boot-starter-jdbc to the application's dependencies");
    }

    @Bean
    @ConditionalOnMissingBean
    MessagePublisher switchboardMessagePublisher(MessageTransport transport, MessagingProperties properties,
            ObjectProvider<PolicyEngine> policies, ObjectProvider<JsonMapper> json,
            ObjectProvider<MessageObservations> observations) {
        return new DefaultMessagePublisher(transport, json.getIfAvailable(() -> JsonMapper.builder().build()),
                observations(observations), "protobuf".equals(properties.getPayload()),
                policies.getIfAvailable(() -> new PolicyEngine(PolicyOverrides.none())));
    }

    @Bean
    @ConditionalOnMissingBean
    MessageListeners switchboardMessageListeners(MessageTransport transport, MessagingProperties properties,
            Environment environment, ProcessedMessages processed, ObjectProvider<JsonMapper> json,
            ObjectProvider<MessageObservations> observations) {
        return new DefaultMessageListeners(transport, () -> group(properties, environment), properties.getConcurrency(), processed,
                json.getIfAvailable(() -> JsonMapper.builder().build()), observations(observations));
    }

    private static MessageObservations observations(ObjectProvider<MessageObservations> observations) {
        return observations.getIfAvailable(() -> new MessageObservations(ObservationRegistry.NOOP));
    }

    @Bean
    SubscriptionsLifecycle switchboardSubscriptionsLifecycle(ObjectProvider<MessageSubscriptions> subscriptions) {
        return new SubscriptionsLifecycle(subscriptions);
    }

    private static String group(MessagingProperties properties, Environment environment) {
        String group = properties.getGroup() != null ? properties.getGroup() : environment.getProperty("spring.application.name");
        if (group == null || group.isBlank()) {
            throw new IllegalStateException("a service that consumes events or commands needs a group: set "
                    + "spring.application.name (or switchboard.messaging.group) to the consuming service's name");
        }
        return group;
    }
}
