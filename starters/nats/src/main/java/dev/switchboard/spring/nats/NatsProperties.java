package dev.switchboard.spring.nats;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code switchboard.messaging.nats.*}: how to reach the NATS servers. */
@ConfigurationProperties("switchboard.messaging.nats")
public class NatsProperties {

    /** The NATS server (JetStream enabled), e.g. {@code nats://127.0.0.1:4222}. */
    private String url = "nats://127.0.0.1:4222";

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
