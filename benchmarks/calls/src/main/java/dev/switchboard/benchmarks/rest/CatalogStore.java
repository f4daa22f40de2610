package dev.switchboard.benchmarks.rest;

import dev.switchboard.benchmarks.catalog.CatalogService;
import dev.switchboard.benchmarks.catalog.GetItemRequest;
import dev.switchboard.benchmarks.catalog.Item;
import dev.switchboard.benchmarks.catalog.PutItemRequest;
import dev.switchboard.benchmarks.catalog.WatchItemRequest;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.stream.StreamSink;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The work both controllers do: an in-memory map, so the benchmark measures the HTTP layers; reads can
 * wait for a simulated downstream ({@code downstream}), as a handler calling another service would.
 */
public class CatalogStore implements CatalogService {

    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final Duration downstream;

    public CatalogStore() {
        this(Duration.ZERO);
    }

    public CatalogStore(Duration downstream) {
        this.downstream = downstream;
    }

    @Override
    public Item getItem(GetItemRequest request) {
        waitFor(downstream);
        Item item = items.get(request.sku());
        if (item == null) {
            throw new SwitchboardException(ErrorCode.NOT_FOUND, "NOT_FOUND", "no item " + request.sku(), Map.of());
        }
        return item;
    }

    @Override
    public Item putItem(PutItemRequest request) {
        items.put(request.item().sku(), request.item());
        return request.item();
    }

    /** {@code updates} copies of the item, {@code everyMs} apart: a stream that is open for a while. */
    @Override
    public void watchItem(WatchItemRequest request, StreamSink<Item> updates) {
        Item item = getItem(new GetItemRequest(request.sku()));
        for (int i = 0; i < request.updates(); i++) {
            waitFor(Duration.ofMillis(request.everyMs()));
            updates.send(item);
        }
    }

    private static void waitFor(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwitchboardException(ErrorCode.CANCELLED, "CANCELLED", "interrupted", Map.of());
        }
    }
}
