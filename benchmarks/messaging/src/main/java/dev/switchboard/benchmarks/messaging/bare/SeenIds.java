package dev.switchboard.benchmarks.messaging.bare;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Each message once", as a developer adds it by hand without a framework: the publisher puts an id of its own in
 * a header, the consumer keeps the ids it handled, bounded like Switchboard's in-memory default, and forgets an
 * id again when its handler fails, so the redelivery runs it.
 */
final class SeenIds {

    static final String HEADER = "message-id";
    private static final int CAPACITY = 100_000;

    private final Map<String, Boolean> ids = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** True the first time {@code id} is seen (and a null id, which cannot be checked). */
    synchronized boolean first(String id) {
        return id == null || ids.putIfAbsent(id, Boolean.TRUE) == null;
    }

    synchronized void forget(String id) {
        if (id != null) {
            ids.remove(id);
        }
    }
}
