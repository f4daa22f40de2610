package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shard of a key is fixed (publishers and consumers in other JVMs compute it too) and spreads keys out. */
class OrderShardsTest {

    @Test
    void aKeyAlwaysMapsToTheSameShardAndNoKeyToShardZero() {
        assertThat(OrderShards.of("o-1", 4)).isEqualTo(OrderShards.of("o-1", 4)).isBetween(0, 3);
        assertThat(OrderShards.of("123456789", 1_000_000)).as("CRC-32 of 123456789 is 0xCBF43926")
                .isEqualTo((int) (0xCBF43926L % 1_000_000));
        assertThat(OrderShards.of(null, 4)).isZero();
    }

    @Test
    void keysSpreadOverEveryShard() {
        Set<Integer> shards = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            shards.add(OrderShards.of("order-" + i, 4));
        }
        assertThat(shards).containsExactlyInAnyOrder(0, 1, 2, 3);
    }
}
