package dev.switchboard.it.faults;

import java.time.Duration;
import java.util.Map;

/**
 * A broker server the test owns as a child process, so it can be killed with SIGKILL mid-stream
 * and restarted on the same storage, as a crashed broker would be.
 */
interface BrokerProcess extends AutoCloseable {

    /** The broker's name in summaries: {@code nats}, {@code rabbitmq}, {@code kafka}. */
    String name();

    /** Starts the server (on the storage of an earlier start, if any) and waits until it takes clients. */
    void start();

    /** SIGKILL of the server. */
    void kill();

    /** The properties a service instance needs to use this broker. */
    Map<String, String> properties();

    /**
     * How long after a consumer's death (or the broker's restart) the broker may still hand its
     * unacknowledged messages to another consumer: the counts are not final before that.
     */
    Duration redeliveryDelay();

    /** Kills the server if it runs; its storage is left under {@code target/} for a post-mortem. */
    @Override
    void close();
}
