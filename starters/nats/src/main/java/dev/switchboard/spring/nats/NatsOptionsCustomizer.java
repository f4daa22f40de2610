package dev.switchboard.spring.nats;

import io.nats.client.Options;

/**
 * Tunes the jnats {@link Options} Switchboard's NATS connection is built with, after
 * {@code switchboard.messaging.nats.*} has been applied: any option the properties do not name
 * (reconnect waits, buffer sizes, listeners).
 */
@FunctionalInterface
public interface NatsOptionsCustomizer {

    void customize(Options.Builder builder);
}
