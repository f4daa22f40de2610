package dev.switchboard.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.messaging.OrderShards;
import org.junit.jupiter.api.Test;

/** Publishers route by slot, whatever the consumers' shard count; keyless messages by the destination. */
class RabbitShardsTest {

    @Test
    void aKeyedMessageIsRoutedByTheSlotOfItsKey() {
        assertThat(RabbitShards.routingKey("orders.stepped", "o-1"))
                .isEqualTo("slot." + OrderShards.of("o-1", RabbitShards.SLOTS));
        assertThat(RabbitShards.routingKey("orders.stepped", null)).isEqualTo("orders.stepped");
    }

    @Test
    void aGroupHasOneQueuePerShard() {
        assertThat(RabbitShards.queues("orders.stepped.points", 3))
                .containsExactly("orders.stepped.points.shard-0", "orders.stepped.points.shard-1",
                        "orders.stepped.points.shard-2");
    }
}
