package dev.switchboard.benchmarks.messaging.bare;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@code -Dbench.bareHeaders=true}: the plain baseline carries the CloudEvent attributes the generated side sends
 * (binary mode: seven headers beside the payload) and its consumer reads them back as a CloudEvents consumer would
 * (each as text, the required ones checked, the time parsed), written by hand, so a run prices the envelope on its
 * own: the bare side with it against the bare side without it, and the generated side against both. The side with
 * {@code guarantees} then drops duplicates by the CloudEvent id, as the generated side does, instead of an id header
 * of its own: the same headers, tracing and guarantees on both sides of that comparison.
 */
public final class CloudEventHeaders {

    public static final boolean ENABLED = Boolean.getBoolean("bench.bareHeaders");

    private CloudEventHeaders() {}

    /** The attributes of one price change, as {@code <prefix>specversion} ... and {@code content-type}. */
    static void write(String prefix, long sequence, BiConsumer<String, String> header) {
        header.accept(prefix + "specversion", "1.0");
        header.accept(prefix + "id", UUID.randomUUID().toString());
        header.accept(prefix + "type", "dev.switchboard.benchmarks.messaging.prices.priceChanged");
        header.accept(prefix + "source", "Prices");
        header.accept(prefix + "time", Instant.now().toString());
        header.accept(prefix + "subject", "sku-" + (sequence % 100));
        header.accept("content-type", "application/json");
    }

    /**
     * Reads a delivery's headers, handed over by {@code headers}; fails when a required attribute is missing.
     * Returns the CloudEvent id, by which a consumer with {@code guarantees} drops duplicates.
     */
    static String read(String prefix, Consumer<BiConsumer<String, String>> headers) {
        Map<String, String> attributes = new HashMap<>();
        headers.accept(attributes::put);
        for (String required : new String[] {"id", "type", "source", "time"}) {
            if (attributes.get(prefix + required) == null) {
                throw new IllegalArgumentException("not a CloudEvent: no " + prefix + required);
            }
        }
        Instant.parse(attributes.get(prefix + "time"));
        return attributes.get(prefix + "id");
    }
}
