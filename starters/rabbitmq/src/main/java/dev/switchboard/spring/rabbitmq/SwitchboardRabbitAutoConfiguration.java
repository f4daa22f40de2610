package dev.switchboard.spring.rabbitmq;

import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.rabbitmq.RabbitTransport;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code switchboard.messaging.broker=rabbitmq}: RabbitMQ through spring-amqp, which the
 * application adds ({@code spring-boot-starter-amqp}), at the broker {@code spring.rabbitmq.*} names.
 * The transport has connections of its own, with correlated publisher confirms.
 */
@AutoConfiguration(beforeName = "dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration")
@ConditionalOnProperty(name = "switchboard.messaging.broker", havingValue = "rabbitmq")
public class SwitchboardRabbitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(MessageTransport.class)
    RabbitTransport switchboardRabbitTransport(Environment environment) {
        CachingConnectionFactory connections = new CachingConnectionFactory(
                environment.getProperty("spring.rabbitmq.host", "localhost"),
                environment.getProperty("spring.rabbitmq.port", Integer.class, 5672));
        connections.setUsername(environment.getProperty("spring.rabbitmq.username", "guest"));
        connections.setPassword(environment.getProperty("spring.rabbitmq.password", "guest"));
        connections.setVirtualHost(environment.getProperty("spring.rabbitmq.virtual-host", "/"));
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connections.setConnectionNameStrategy(factory -> "switchboard");
        return new RabbitTransport(connections);
    }
}
