package dev.switchboard.spring.nats;

import dev.switchboard.nats.NatsTransport;
import dev.switchboard.runtime.messaging.MessageTransport;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** {@code switchboard.messaging.broker=nats}: events and commands on NATS JetStream through jnats. */
@AutoConfiguration(beforeName = "dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration")
@ConditionalOnProperty(name = "switchboard.messaging.broker", havingValue = "nats")
@EnableConfigurationProperties(NatsProperties.class)
public class SwitchboardNatsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(MessageTransport.class)
    NatsTransport switchboardNatsTransport(NatsProperties properties) {
        return new NatsTransport(properties.getUrl());
    }
}
