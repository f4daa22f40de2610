package dev.switchboard.spring.kafka;

import dev.switchboard.kafka.KafkaTransport;
import dev.switchboard.runtime.messaging.MessageTransport;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/**
 * {@code switchboard.messaging.broker=kafka}: Kafka on Spring Boot's own Kafka clients. The transport
 * takes Boot's {@link ProducerFactory}, {@link ConsumerFactory} and {@link KafkaAdmin} beans, so every
 * {@code spring.kafka.*} property (security protocol, {@code spring.kafka.ssl.bundle},
 * {@code spring.kafka.properties.sasl.*}, client id, producer and consumer settings) and Boot's Kafka
 * metrics apply to Switchboard's clients as to the application's; it adds only what its guarantees
 * need, on a copy of the producer factory and per listener container, never on the shared beans.
 * Topics are provisioned as {@code switchboard.messaging.kafka.*} says.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class,
        beforeName = "dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration")
@ConditionalOnProperty(name = "switchboard.messaging.broker", havingValue = "kafka")
@EnableConfigurationProperties(SwitchboardKafkaProperties.class)
public class SwitchboardKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(MessageTransport.class)
    KafkaTransport switchboardKafkaTransport(ProducerFactory<?, ?> kafkaProducerFactory,
            ConsumerFactory<?, ?> kafkaConsumerFactory, KafkaAdmin kafkaAdmin, SwitchboardKafkaProperties properties) {
        return new KafkaTransport(kafkaProducerFactory, kafkaConsumerFactory, kafkaAdmin, properties.toTopics());
    }
}
