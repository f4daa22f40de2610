package dev.switchboard.spring.rabbitmq;

import dev.switchboard.rabbitmq.RabbitTransport;
import dev.switchboard.runtime.messaging.MessageTransport;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.ConnectionFactoryCustomizer;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionFactoryBeanConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@code switchboard.messaging.broker=rabbitmq}: RabbitMQ with every {@code spring.rabbitmq.*}
 * setting (addresses, virtual host, credentials, SSL and {@code ssl.bundle}, timeouts, heartbeat,
 * cache, connection name strategy, template retry) on connections of Switchboard's own.
 *
 * <p>Why its own: Switchboard waits for a correlated publisher confirm of each publish, and the
 * confirm type belongs to the connection factory, so reusing Boot's {@code ConnectionFactory} bean
 * would change every channel of the application's shared factory. Switchboard's factory is built as
 * Boot builds its own, from Boot's configurer beans ({@link RabbitConnectionFactoryBeanConfigurer},
 * {@link CachingConnectionFactoryConfigurer}, {@link RabbitTemplateConfigurer}) and the
 * application's {@link ConnectionFactoryCustomizer}s, with the SSL bundle from Boot's
 * {@link RabbitConnectionDetails} (see {@link SslBundleConnectionFactoryBean}), then confirms on top.
 *
 * <p>The factory and template are beans that are no default candidates: the application's own
 * injection of a {@code ConnectionFactory} or {@code RabbitTemplate} still gets Boot's, while Boot's
 * metrics ({@code rabbitmq.*} with {@code name=switchboardRabbit}) and health (the {@code rabbit}
 * contributor's {@code switchboardRabbitTemplate}) cover Switchboard's connections as their own.
 */
@AutoConfiguration(after = RabbitAutoConfiguration.class,
        beforeName = "dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration")
@ConditionalOnProperty(name = "switchboard.messaging.broker", havingValue = "rabbitmq")
public class SwitchboardRabbitAutoConfiguration {

    @Bean(defaultCandidate = false)
    CachingConnectionFactory switchboardRabbitConnectionFactory(RabbitConnectionFactoryBeanConfigurer factoryBeanConfigurer,
            CachingConnectionFactoryConfigurer cachingConfigurer, RabbitConnectionDetails connectionDetails,
            ObjectProvider<ConnectionFactoryCustomizer> customizers) throws Exception {
        SslBundleConnectionFactoryBean factoryBean = new SslBundleConnectionFactoryBean(connectionDetails.getSslBundle());
        factoryBeanConfigurer.configure(factoryBean);
        factoryBean.afterPropertiesSet();
        com.rabbitmq.client.ConnectionFactory client = factoryBean.getObject();
        customizers.orderedStream().forEach(customizer -> customizer.customize(client));
        CachingConnectionFactory connections = new CachingConnectionFactory(client);
        cachingConfigurer.configure(connections);
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        return connections;
    }

    @Bean(defaultCandidate = false)
    RabbitTemplate switchboardRabbitTemplate(RabbitTemplateConfigurer configurer,
            @Qualifier("switchboardRabbitConnectionFactory") CachingConnectionFactory connections) {
        RabbitTemplate template = new RabbitTemplate();
        configurer.configure(template, connections);
        return template;
    }

    /**
     * {@code switchboard.messaging.rabbitmq.ordered-shards}: shard queues per ordered consumer group; the
     * same in every service of the system, and changed only with a redeploy (docs/messaging.md).
     */
    @Bean
    @ConditionalOnMissingBean(MessageTransport.class)
    RabbitTransport switchboardRabbitTransport(@Qualifier("switchboardRabbitTemplate") RabbitTemplate template,
            @Value("${switchboard.messaging.rabbitmq.ordered-shards:" + RabbitTransport.DEFAULT_ORDERED_SHARDS + "}")
            int orderedShards) {
        return new RabbitTransport(template, orderedShards);
    }
}
