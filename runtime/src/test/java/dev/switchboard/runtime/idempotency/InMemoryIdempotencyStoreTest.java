package dev.switchboard.runtime.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {

    private static final StoredResponse CREATED =
            new StoredResponse(200, Map.of("Content-Type", "application/json"), "{\"id\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));

    private Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void firstClaimAcquiresThenSameRequestWaitsThenReplays() {
        InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(10, Duration.ofHours(1), clock);

        assertThat(store.claim("Orders/createOrder", "k1", "f1")).isInstanceOf(IdempotencyClaim.Acquired.class);
        assertThat(store.claim("Orders/createOrder", "k1", "f1")).isInstanceOf(IdempotencyClaim.InProgress.class);
        store.complete("Orders/createOrder", "k1", CREATED);

        IdempotencyClaim replay = store.claim("Orders/createOrder", "k1", "f1");
        assertThat(replay).isInstanceOfSatisfying(IdempotencyClaim.Replay.class,
                r -> assertThat(new String(r.response().body(), StandardCharsets.UTF_8)).contains("o-1"));
    }

    @Test
    void differentRequestUnderTheSameKeyConflictsButOtherScopesDoNot() {
        InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(10, Duration.ofHours(1), clock);
        store.claim("Orders/createOrder", "k1", "f1");

        assertThat(store.claim("Orders/createOrder", "k1", "f2")).isInstanceOf(IdempotencyClaim.Conflict.class);
        assertThat(store.claim("Orders/updateNote", "k1", "f2")).isInstanceOf(IdempotencyClaim.Acquired.class);
    }

    @Test
    void releasedAndExpiredKeysCanBeClaimedAgain() {
        InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(10, Duration.ofMinutes(5), clock);
        store.claim("s", "released", "f");
        store.release("s", "released");
        assertThat(store.claim("s", "released", "other")).isInstanceOf(IdempotencyClaim.Acquired.class);

        store.claim("s", "old", "f");
        store.complete("s", "old", CREATED);
        now = now.plus(Duration.ofMinutes(6));
        assertThat(store.claim("s", "old", "f")).isInstanceOf(IdempotencyClaim.Acquired.class);
    }

    @Test
    void staysBoundedByEvictingTheLeastRecentlyUsed() {
        InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(3, Duration.ofHours(1), clock);
        for (int i = 0; i < 10; i++) {
            store.claim("s", "k" + i, "f");
        }
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.claim("s", "k9", "f")).isInstanceOf(IdempotencyClaim.InProgress.class);
        assertThat(store.claim("s", "k0", "f")).isInstanceOf(IdempotencyClaim.Acquired.class);
    }
}
