package dev.switchboard.it.faults;

import java.nio.file.Path;

/** The fault scenarios on RabbitMQ: a node of the test's own next to the machine's. */
class RabbitFaultsTest extends FaultScenarios {

    @Override
    BrokerProcess broker(Path directory) {
        return new RabbitNode(directory);
    }
}
