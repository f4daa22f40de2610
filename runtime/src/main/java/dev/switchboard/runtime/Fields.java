package dev.switchboard.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Normalizes the list and map components of generated records: absent becomes empty, never null,
 * and the record keeps its own immutable copy, so a caller mutating its collection afterwards
 * cannot change the value.
 */
public final class Fields {

    private Fields() {}

    /** An immutable copy of {@code values}; empty for null. Null elements are rejected, as on the wire. */
    public static <T> List<T> list(List<? extends T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /**
     * An immutable copy of {@code entries} in their iteration order (JSON objects keep their order);
     * empty for null. Null keys and values are rejected, as on the wire.
     */
    public static <K, V> Map<K, V> map(Map<? extends K, ? extends V> entries) {
        if (entries == null || entries.isEmpty()) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        entries.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, "map key"), Objects.requireNonNull(value, "map value")));
        return Collections.unmodifiableMap(copy);
    }
}
