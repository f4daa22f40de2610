package dev.switchboard.benchmarks.grpc.handwritten;

import dev.switchboard.benchmarks.catalog.protobuf.CatalogGrpc;
import dev.switchboard.benchmarks.catalog.protobuf.GetItemRequest;
import dev.switchboard.benchmarks.catalog.protobuf.Item;
import dev.switchboard.benchmarks.catalog.protobuf.PutItemRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline: what a careful developer writes by hand with grpc-java and protoc's stubs for the
 * same API — the same checks on the request, the same in-memory map, errors as statuses — without
 * Switchboard's policies, deadlines in the call context or per-call observation.
 */
class HandWrittenCatalogService extends CatalogGrpc.CatalogImplBase {

    private final Map<String, Item> items = new ConcurrentHashMap<>();

    @Override
    public void getItem(GetItemRequest request, StreamObserver<Item> responses) {
        if (request.getSku().isEmpty()) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription("sku: must not be empty").asRuntimeException());
            return;
        }
        Item item = items.get(request.getSku());
        if (item == null) {
            responses.onError(Status.NOT_FOUND.withDescription("no item " + request.getSku()).asRuntimeException());
            return;
        }
        responses.onNext(item);
        responses.onCompleted();
    }

    @Override
    public void putItem(PutItemRequest request, StreamObserver<Item> responses) {
        Item item = request.getItem();
        String invalid = item.getSku().isEmpty() || item.getSku().length() > 64 ? "item.sku: length must be 1 to 64"
                : item.getName().isEmpty() ? "item.name: must not be empty"
                : item.getPrice() < 0 ? "item.price: must be at least 0"
                : item.getTagsCount() > 16 ? "item.tags: at most 16 items"
                : null;
        if (invalid != null) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription(invalid).asRuntimeException());
            return;
        }
        items.put(item.getSku(), item);
        responses.onNext(item);
        responses.onCompleted();
    }
}
