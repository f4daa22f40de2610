package dev.switchboard.it.faults;

import java.nio.file.Path;

/** The fault scenarios on Kafka: Kafka's own KRaft server as a child JVM of the test. */
class KafkaFaultsTest extends FaultScenarios {

    @Override
    BrokerProcess broker(Path directory) {
        return new KafkaServer(directory);
    }
}
