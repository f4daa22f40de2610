package dev.switchboard.spring.nats;

import dev.switchboard.nats.NatsTransport;
import dev.switchboard.runtime.messaging.MessageTransport;
import io.nats.client.Connection;
import io.nats.client.Options;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code switchboard.messaging.broker=nats}: events and commands on NATS JetStream through jnats.
 * The connection is a bean of its own ({@code switchboard.messaging.nats.*} into jnats' {@link Options}),
 * so health and metrics watch the one the transport uses; an application's own {@link Options} or
 * {@link Connection} bean takes its place.
 */
@AutoConfiguration(beforeName = "dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration",
        afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@ConditionalOnProperty(name = "switchboard.messaging.broker", havingValue = "nats")
@EnableConfigurationProperties(NatsProperties.class)
public class SwitchboardNatsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Options switchboardNatsOptions(NatsProperties properties, ObjectProvider<SslBundles> sslBundles,
            ObjectProvider<NatsOptionsCustomizer> customizers, Environment environment) {
        return new NatsOptionsFactory(properties, sslBundles.getIfAvailable())
                .create(environment.getProperty("spring.application.name", "switchboard"),
                        customizers.orderedStream().toList());
    }

    /** Connects at startup, so a wrong address or password stops the application with the server's reason. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Connection switchboardNatsConnection(Options options) {
        return NatsTransport.connect(options);
    }

    @Bean
    @ConditionalOnMissingBean(MessageTransport.class)
    NatsTransport switchboardNatsTransport(Connection connection, NatsProperties properties) {
        return new NatsTransport(connection, properties.getOrderedShards(), properties.getStreamReplicas());
    }
}
