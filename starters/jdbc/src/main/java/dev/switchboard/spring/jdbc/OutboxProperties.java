package dev.switchboard.spring.jdbc;

import dev.switchboard.jdbc.outbox.OutboxSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.jdbc.outbox.*}: how the transactional outbox is stored and relayed, once
 * {@code switchboard.messaging.outbox=jdbc} turns it on (that key is a value, so the settings cannot
 * live under it).
 */
@ConfigurationProperties("switchboard.jdbc.outbox")
public class OutboxProperties {

    private static final OutboxSettings DEFAULTS = OutboxSettings.defaults();

    /** The outbox table; its partition locks live in {@code <table>_partitions}. */
    private String table = DEFAULTS.table();

    /** Partitions keys are hashed into, the unit one relay instance holds; change only with an empty outbox. */
    private int partitions = DEFAULTS.partitions();

    /** Rows a relay sends from one partition per transaction. */
    private int batchSize = DEFAULTS.batchSize();

    /** How often a relay looks for rows it was not woken for (other instances', crashed instances'). */
    private Duration pollInterval = DEFAULTS.pollInterval();

    /** The first pause after the broker failed a send; doubled per failure. */
    private Duration initialBackoff = DEFAULTS.initialBackoff();

    /** The longest pause while the broker keeps failing. */
    private Duration maxBackoff = DEFAULTS.maxBackoff();

    /** How long a relay waits for the broker's confirm of one row. */
    private Duration sendTimeout = DEFAULTS.sendTimeout();

    /** How long sent rows are kept before they are deleted. */
    private Duration retention = DEFAULTS.retention();

    OutboxSettings toSettings() {
        return new OutboxSettings(table, partitions, batchSize, pollInterval, initialBackoff, maxBackoff, sendTimeout,
                retention);
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }
}
