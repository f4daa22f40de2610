package dev.switchboard.spring.jdbc;

import dev.switchboard.jdbc.inbox.InboxSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The transactional inbox's settings, beside {@code switchboard.messaging.processed-messages}
 * (bound by the core starter) so they read as one group.
 */
@ConfigurationProperties("switchboard.messaging")
public class InboxProperties {

    /**
     * How long a processed-message id is remembered with {@code processed-messages=jdbc}; a
     * redelivery later than that is handled again. Seven days by default: longer than any broker
     * here keeps redelivering, with room for a consumer stopped over a long weekend.
     */
    private Duration processedMessagesRetention = InboxSettings.DEFAULT_RETENTION;

    /**
     * How long a delivery waits for another transaction that holds the same message id (a
     * redelivery racing the first delivery) before it is handed back to the broker for later.
     * Five seconds by default: enough for a racing commit, short of tying up a consumer thread and
     * a connection behind a slow handler, well under the brokers' acknowledgement timeouts.
     */
    private Duration processedMessagesLockTimeout = InboxSettings.DEFAULT_LOCK_TIMEOUT;

    public Duration getProcessedMessagesRetention() {
        return processedMessagesRetention;
    }

    public void setProcessedMessagesRetention(Duration processedMessagesRetention) {
        this.processedMessagesRetention = processedMessagesRetention;
    }

    public Duration getProcessedMessagesLockTimeout() {
        return processedMessagesLockTimeout;
    }

    public void setProcessedMessagesLockTimeout(Duration processedMessagesLockTimeout) {
        this.processedMessagesLockTimeout = processedMessagesLockTimeout;
    }
}
