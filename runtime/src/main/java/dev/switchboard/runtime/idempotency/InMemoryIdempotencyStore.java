package dev.switchboard.runtime.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The default store: bounded (least recently used keys go first) and with a time to live, so a
 * flood of keys cannot exhaust memory. Good for one instance; several instances behind a load
 * balancer need a shared store.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries;

    public InMemoryIdempotencyStore() {
        this(DEFAULT_MAX_ENTRIES, DEFAULT_TTL, Clock.systemUTC());
    }

    public InMemoryIdempotencyStore(int maxEntries, Duration ttl, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > InMemoryIdempotencyStore.this.maxEntries;
            }
        };
    }

    @Override
    public synchronized IdempotencyClaim claim(String scope, String key, String fingerprint) {
        String id = id(scope, key);
        Instant now = clock.instant();
        Entry entry = entries.get(id);
        if (entry == null || !entry.expiresAt.isAfter(now)) {
            entries.put(id, new Entry(fingerprint, null, now.plus(ttl)));
            return new IdempotencyClaim.Acquired();
        }
        if (!entry.fingerprint.equals(fingerprint)) {
            return new IdempotencyClaim.Conflict();
        }
        return entry.response == null
                ? new IdempotencyClaim.InProgress()
                : new IdempotencyClaim.Replay(entry.response);
    }

    @Override
    public synchronized void complete(String scope, String key, StoredResponse response) {
        String id = id(scope, key);
        Entry entry = entries.get(id);
        if (entry != null) {
            entries.put(id, new Entry(entry.fingerprint, response, entry.expiresAt));
        }
    }

    @Override
    public synchronized void release(String scope, String key) {
        entries.remove(id(scope, key));
    }

    synchronized int size() {
        return entries.size();
    }

    private static String id(String scope, String key) {
        return scope + '\u0000' + key;
    }

    private record Entry(String fingerprint, StoredResponse response, Instant expiresAt) {}
}
