package dev.switchboard.benchmarks;

import dev.switchboard.benchmarks.catalog.CatalogClient;
import dev.switchboard.benchmarks.catalog.GetItemRequest;
import dev.switchboard.benchmarks.catalog.Item;
import dev.switchboard.benchmarks.catalog.PutItemRequest;
import java.util.List;

/** The data every call benchmark reads and writes: {@value #COUNT} items, addressed by a call's sequence number. */
public final class CatalogItems {

    public static final int COUNT = 100;

    private CatalogItems() {}

    public static String sku(long sequence) {
        return "sku-" + (sequence % COUNT);
    }

    /** The generated client's call: even sequence numbers read an item, odd ones write one. */
    public static void readOrWrite(CatalogClient client, long sequence) {
        if (sequence % 2 == 0) {
            client.getItem(new GetItemRequest(sku(sequence)));
        } else {
            client.putItem(new PutItemRequest(item(sequence)));
        }
    }

    public static Item item(long sequence) {
        return new Item(sku(sequence), "Item " + sequence, sequence, List.of("a", "b"));
    }
}
