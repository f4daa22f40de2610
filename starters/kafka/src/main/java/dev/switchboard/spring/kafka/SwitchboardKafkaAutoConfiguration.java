package dev.switchboard.spring.kafka;

import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.kafka.KafkaTransport;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code switchboard.messaging.broker=kafka}: Kafka through spring-kafka, which the application
 * adds, at {@code spring.kafka.bootstrap-servers}.
 */
@AutoConfiguration(beforeName = "dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration")
@ConditionalOnProperty(name = "switchboard.messaging.broker", havingValue = "kafka")
public class SwitchboardKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(MessageTransport.class)
    KafkaTransport switchboardKafkaTransport(Environment environment) {
        return new KafkaTransport(environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"));
    }
}
