package com.example.shop;

import com.example.inventory.InventoryClient;
import com.example.inventory.ReserveRequest;
import dev.switchboard.runtime.stream.StreamSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What a user writes: the generated interface, implemented over the generated records. */
public class ShopServiceImpl implements ShopService {

    private final Map<String, Cart> carts = new ConcurrentHashMap<>();
    private final InventoryClient inventory;

    public ShopServiceImpl(InventoryClient inventory) {
        this.inventory = inventory;
    }

    @Override
    public Cart getCart(GetCartRequest request) {
        Cart cart = carts.get(request.id());
        if (cart == null) {
            throw new CartNotFoundException(request.id());
        }
        return cart;
    }

    @Override
    public Cart addItem(AddItemRequest request) {
        Cart cart = getCart(new GetCartRequest(request.cartId()));
        inventory.reserve(new ReserveRequest(request.item().sku(), request.item().quantity()));
        List<Item> items = new ArrayList<>(cart.items());
        items.add(request.item());
        Cart updated = cart.toBuilder().items(items).updatedAt(Instant.now()).build();
        carts.put(updated.id(), updated);
        return updated;
    }

    @Override
    public void watchCart(GetCartRequest request, StreamSink<Cart> responses) {
        responses.send(getCart(request));
    }

    void open(String id) {
        carts.put(id, new Cart(id, List.of(), CartStatus.OPEN, null, Instant.EPOCH));
    }
}
