package dev.switchboard.it.faults;

import java.nio.file.Path;

/** The fault scenarios on NATS JetStream: a three-server cluster of the test's own, streams with 3 replicas. */
class NatsFaultsTest extends FaultScenarios {

    @Override
    BrokerProcess broker(Path directory) {
        return new NatsCluster(directory);
    }
}
