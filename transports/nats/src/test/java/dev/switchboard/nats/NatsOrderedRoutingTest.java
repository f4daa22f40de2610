package dev.switchboard.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.OrderShards;
import dev.switchboard.runtime.messaging.Subscription;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamInfoOptions;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An instance that was never told a destination is ordered (an outbox relay sending rows another
 * instance wrote) still routes its messages to the shard subjects, learning it from the stream: a
 * message on the plain subject would not reach the ordered consumers. On the local NATS server.
 */
class NatsOrderedRoutingTest {

    @Test
    void aPublisherThatWasNotToldLearnsTheDestinationIsOrderedFromItsStream() throws Exception {
        String destination = "sb-it-ordered-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = Nats.connect("nats://127.0.0.1:4222")) {
            JetStreamManagement management = connection.jetStreamManagement();
            try {
                NatsTransport writer = new NatsTransport(connection, 4);
                writer.declare(destination, Subscription.Mode.PUBLISH_SUBSCRIBE, true);
                writer.publish(destination, message("o-1")).get(10, TimeUnit.SECONDS);

                NatsTransport relay = new NatsTransport(connection, 4);
                relay.publish(destination, message("o-2")).get(10, TimeUnit.SECONDS);

                StreamInfo stream = management.getStreamInfo(NatsNames.stream(destination),
                        StreamInfoOptions.allSubjects());
                assertThat(stream.getStreamState().getSubjectMap()).containsOnlyKeys(
                        NatsTransport.shardSubject(destination, OrderShards.of("o-1", 4)),
                        NatsTransport.shardSubject(destination, OrderShards.of("o-2", 4)));
            } finally {
                management.deleteStream(NatsNames.stream(destination));
            }
        }
    }

    private static Message message(String key) {
        return new Message(UUID.randomUUID().toString(), "t", "s", key, Instant.now(), "application/json", Map.of(),
                new byte[] {'{', '}'});
    }
}
