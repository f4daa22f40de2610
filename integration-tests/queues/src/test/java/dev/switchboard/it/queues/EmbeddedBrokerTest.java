package dev.switchboard.it.queues;

import java.util.Map;

/** The in-JVM broker every application of the JVM shares when none is configured. */
class EmbeddedBrokerTest extends QueueScenarios {

    @Override
    Map<String, String> broker() {
        return Map.of();
    }
}
