package dev.switchboard.it.faults;

import java.util.HashMap;
import java.util.Map;

/** The properties every shop instance of the suite runs with: crash-safe delivery on, its database. */
final class Shop {

    private Shop() {}

    static Map<String, String> properties(Database database) {
        Map<String, String> properties = new HashMap<>(database.properties());
        properties.put("spring.application.name", "shop");
        properties.put("spring.main.banner-mode", "off");
        properties.put("switchboard.messaging.processed-messages", "jdbc");
        properties.put("switchboard.messaging.outbox", "jdbc");
        properties.put("switchboard.rest.idempotency", "jdbc");
        // A relay that found the broker down retries within seconds, not the default 30 s, so runs stay short.
        properties.put("switchboard.jdbc.outbox.max-backoff", "2s");
        properties.put("switchboard.jdbc.outbox.send-timeout", "10s");
        return properties;
    }
}
