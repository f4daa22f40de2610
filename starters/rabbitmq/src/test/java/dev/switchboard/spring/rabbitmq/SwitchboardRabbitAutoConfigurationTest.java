package dev.switchboard.spring.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Switchboard's RabbitMQ connections beside the application's, on the local RabbitMQ (127.0.0.1:5672;
 * the test fails when it is down): confirms on Switchboard's own factory only, the application's
 * injection points still get Boot's, and Boot's metrics and health cover Switchboard's connections.
 */
class SwitchboardRabbitAutoConfigurationTest {

    @Test
    void switchboardsConnectionsHaveConfirmsOfTheirOwnAndShowInBootsMetricsAndHealth() throws Exception {
        try (ConfigurableApplicationContext context = RabbitTestApplication.start(
                "spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=5672")) {
            RabbitTestApplication.roundTrip(context);

            CachingConnectionFactory boots = context.getBean("rabbitConnectionFactory", CachingConnectionFactory.class);
            CachingConnectionFactory switchboards = context.getBean("switchboardRabbitConnectionFactory", CachingConnectionFactory.class);
            assertThat(boots.isPublisherConfirms()).as("the application's shared factory").isFalse();
            assertThat(switchboards.isPublisherConfirms()).isTrue();
            assertThat(context.getBeanProvider(ConnectionFactory.class).getIfUnique()).as("what the application injects")
                    .isSameAs(boots);
            assertThat(context.getBeanProvider(RabbitTemplate.class).getIfUnique()).isSameAs(context.getBean("rabbitTemplate"));
            assertThat(context.getBeanProvider(AmqpAdmin.class).getIfUnique()).as("Boot's admin, still created").isNotNull();

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("rabbitmq.connections").tag("name", "switchboardRabbit").gauge().value()).isPositive();
            assertThat(meters.get("rabbitmq.published").tag("name", "switchboardRabbit").counter().count()).isPositive();

            CompositeHealthContributor rabbit = (CompositeHealthContributor) context.getBean(HealthContributorRegistry.class)
                    .getContributor("rabbit");
            HealthIndicator switchboardHealth = (HealthIndicator) rabbit.getContributor("switchboardRabbitTemplate");
            assertThat(switchboardHealth.health().getStatus()).isEqualTo(Status.UP);
            assertThat(switchboardHealth.health().getDetails()).containsKey("version");
        }
    }
}
