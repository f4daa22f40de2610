package dev.switchboard.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.messaging.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A publish chained on the confirm of another (the outbox relay sends a key's next row once the
 * previous one is confirmed) runs on a thread that may block: on the AMQP connection's reader thread,
 * the chained publish waited for a new channel that only that thread could open, and the connection
 * hung for good. On the local RabbitMQ.
 */
class RabbitChainedPublishTest {

    private final String destination = "sb-it-chain-" + UUID.randomUUID().toString().substring(0, 8);
    private final CachingConnectionFactory connections = LocalRabbit.connections();
    private final RabbitTransport transport = new RabbitTransport(new RabbitTemplate(connections));

    @AfterEach
    void clean() {
        transport.close();
        new RabbitAdmin(connections).deleteExchange(destination);
        connections.destroy();
    }

    @Test
    void aPublishChainedOnAConfirmThatWaitsForItsOwnConfirmCompletes() throws Exception {
        // Channels in use are not shared: the chained publish needs a channel of its own while the
        // first is still checked out, as it is in the relay's chains of several keys.
        List<CompletableFuture<Void>> chains = List.of(chain(), chain(), chain(), chain());

        CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(chains).allSatisfy(chain -> assertThat(chain).isCompleted());
    }

    private CompletableFuture<Void> chain() {
        return transport.publish(destination, message("first")).thenCompose(confirmed -> {
            try {
                // Waiting here, as a caller on this thread may: the next confirm must still arrive.
                transport.publish(destination, message("second")).get(10, TimeUnit.SECONDS);
                return transport.publish(destination, message("third"));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    private static Message message(String text) {
        return new Message(UUID.randomUUID().toString(), "t", "s", text, Instant.now(), "application/json", Map.of(),
                text.getBytes(StandardCharsets.UTF_8));
    }
}
