package dev.switchboard.spring.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code switchboard.messaging.*}: which broker carries events and commands, and how this service consumes. */
@ConfigurationProperties("switchboard.messaging")
public class MessagingProperties {

    /** {@code embedded} (in-JVM, the default), {@code kafka}, {@code rabbitmq} or {@code nats}. */
    private String broker = "embedded";

    /**
     * The consumer group, queue and durable name of this service; defaults to
     * {@code spring.application.name}. Instances of one service share it, so each event reaches the
     * service once and each command one instance.
     */
    private String group;

    /**
     * Where consumers remember the CloudEvent ids they handled, to drop duplicates: {@code memory}
     * (bounded, per instance: at-least-once) or {@code jdbc} (the transactional inbox of
     * {@code switchboard-spring-boot-starter-jdbc}: the id commits with the handler's own database
     * work, shared by instances and kept across restarts and crashes).
     */
    private String processedMessages = "memory";

    /**
     * How published payloads are written: {@code json} ({@code application/json}) or
     * {@code protobuf} ({@code application/protobuf}, with the generated codecs: smaller and faster).
     * Consumers read either, by each message's content type.
     */
    private String payload = "json";

    /** Handlers running at once per subscription. */
    private int concurrency = 2;

    public String getBroker() {
        return broker;
    }

    public void setBroker(String broker) {
        this.broker = broker;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getProcessedMessages() {
        return processedMessages;
    }

    public void setProcessedMessages(String processedMessages) {
        this.processedMessages = processedMessages;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

}
