package dev.switchboard.runtime.messaging;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which shard of an ordered destination a key belongs to, the same in every JVM and every language
 * (CRC-32 of the key's UTF-8 bytes, modulo the shard count), so publishers and consumers that agree
 * on the count agree on the shard. A message without a key goes to shard 0.
 */
public final class OrderShards {

    private OrderShards() {}

    public static int of(String key, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1, got " + shards);
        }
        if (key == null) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }
}
