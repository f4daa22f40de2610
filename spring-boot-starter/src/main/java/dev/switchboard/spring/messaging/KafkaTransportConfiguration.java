package dev.switchboard.spring.messaging;

import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.spring.messaging.kafka.KafkaTransport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code switchboard.messaging.broker=kafka}: Kafka through spring-kafka, which the application
 * adds, at {@code spring.kafka.bootstrap-servers}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
@ConditionalOnProperty(name = "switchboard.messaging.broker", havingValue = "kafka")
class KafkaTransportConfiguration {

    @Bean
    @ConditionalOnMissingBean(MessageTransport.class)
    KafkaTransport switchboardKafkaTransport(Environment environment) {
        return new KafkaTransport(environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"));
    }
}
