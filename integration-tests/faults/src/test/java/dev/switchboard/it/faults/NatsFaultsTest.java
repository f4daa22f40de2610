package dev.switchboard.it.faults;

import java.nio.file.Path;

/** The fault scenarios on NATS JetStream: a {@code nats-server -js} of the test's own. */
class NatsFaultsTest extends FaultScenarios {

    @Override
    BrokerProcess broker(Path directory) {
        return new NatsServer(directory);
    }
}
