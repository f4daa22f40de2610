package dev.switchboard.it.queues;

import java.util.HashMap;
import java.util.Map;

/** SASL/PLAIN on an in-process Kafka broker's client listener: the broker's side and a client's {@code spring.kafka.*}. */
final class SaslPlain {

    private static final String LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule required";

    private SaslPlain() {}

    /** Broker properties for a client listener {@code EXTERNAL} of {@code protocol} that knows the user {@code orders}. */
    static Map<String, String> broker(String protocol) {
        Map<String, String> properties = new HashMap<>();
        properties.put("listener.security.protocol.map", "EXTERNAL:" + protocol + ",CONTROLLER:PLAINTEXT");
        properties.put("sasl.enabled.mechanisms", "PLAIN");
        properties.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        properties.put("listener.name.external.plain.sasl.jaas.config", LOGIN
                + " username=\"broker\" password=\"broker-secret\""
                + " user_broker=\"broker-secret\" user_orders=\"orders-secret\";");
        return properties;
    }

    /** Switchboard on Kafka as user {@code orders}, configured with {@code spring.kafka.*} alone. */
    static Map<String, String> client(String bootstrapServers, String protocol, String password) {
        Map<String, String> properties = new HashMap<>();
        properties.put("switchboard.messaging.broker", "kafka");
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        properties.put("spring.kafka.security.protocol", protocol);
        properties.put("spring.kafka.properties.sasl.mechanism", "PLAIN");
        properties.put("spring.kafka.properties.sasl.jaas.config", LOGIN + " username=\"orders\" password=\"" + password + "\";");
        return properties;
    }
}
