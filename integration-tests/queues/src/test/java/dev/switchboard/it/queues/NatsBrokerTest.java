package dev.switchboard.it.queues;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.Map;

/** NATS JetStream on 127.0.0.1:4222, the real server (started by .ci/services.sh when down); never skipped. */
class NatsBrokerTest extends QueueScenarios {

    private static final String URL = "nats://127.0.0.1:4222";

    @Override
    Map<String, String> broker() {
        return Map.of("switchboard.messaging.broker", "nats", "switchboard.messaging.nats.url", URL);
    }

    @Override
    void prepareBroker() throws Exception {
        try (Connection connection = Nats.connect(new Options.Builder().server(URL)
                .connectionTimeout(Duration.ofSeconds(5)).maxReconnects(0).build())) {
            JetStreamManagement streams = connection.jetStreamManagement();
            for (String stream : streams.getStreamNames()) {
                if (stream.startsWith("switchboard_it_")) {
                    try {
                        streams.deleteStream(stream);
                    } catch (JetStreamApiException alreadyGone) {
                        // Another run removed it.
                    }
                }
            }
        }
    }
}
