package dev.switchboard.spring.messaging;

import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.spring.messaging.nats.NatsTransport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code switchboard.messaging.broker=nats}: JetStream through {@code io.nats:jnats}, which the application adds. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.nats.client.Nats")
@ConditionalOnProperty(name = "switchboard.messaging.broker", havingValue = "nats")
class NatsTransportConfiguration {

    @Bean
    @ConditionalOnMissingBean(MessageTransport.class)
    NatsTransport switchboardNatsTransport(MessagingProperties properties) {
        return new NatsTransport(properties.getNats().getUrl());
    }
}
