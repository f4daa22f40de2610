package dev.switchboard.benchmarks.rest;

import dev.switchboard.benchmarks.catalog.CatalogService;
import dev.switchboard.benchmarks.catalog.GetItemRequest;
import dev.switchboard.benchmarks.catalog.Item;
import dev.switchboard.benchmarks.catalog.PutItemRequest;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The work both controllers do: an in-memory map, so the benchmark measures the HTTP layers. */
public class CatalogStore implements CatalogService {

    private final Map<String, Item> items = new ConcurrentHashMap<>();

    @Override
    public Item getItem(GetItemRequest request) {
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
}
