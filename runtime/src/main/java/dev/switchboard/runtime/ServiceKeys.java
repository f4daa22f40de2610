package dev.switchboard.runtime;

import java.util.Locale;
import java.util.Map;

/** Contract names as configuration keys: {@code OrderHistory} → {@code order-history}, {@code getOrder} → {@code get-order}. */
public final class ServiceKeys {

    private ServiceKeys() {}

    public static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The entry for {@code name} by its kebab-case key, or by the exact name. */
    public static <V> V lookup(Map<String, V> entries, String name) {
        V value = entries.get(kebab(name));
        return value != null ? value : entries.get(name);
    }
}
