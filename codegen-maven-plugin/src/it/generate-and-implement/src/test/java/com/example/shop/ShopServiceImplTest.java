package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.inventory.OutOfStockException;
import com.example.inventory.Reservation;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.validation.ConstraintCheck;
import dev.switchboard.runtime.validation.ConstraintViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Runs the generated code of a real user build: records, builders, errors, validation, JSON. */
class ShopServiceImplTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void implementationWorksOverGeneratedTypes() {
        ShopServiceImpl shop = new ShopServiceImpl(request -> new Reservation("r-" + request.sku()));
        shop.open("c1");

        Cart cart = shop.addItem(new AddItemRequest("c1", new Item("apple", 2)));

        assertEquals(List.of(new Item("apple", 2)), cart.items());
        assertEquals(CartStatus.OPEN, cart.status());
        assertNull(cart.note());
    }

    @Test
    void contractErrorsCarryCodeAndDetails() {
        ShopServiceImpl shop = new ShopServiceImpl(request -> {
            throw new OutOfStockException(request.sku());
        });
        CartNotFoundException missing = assertThrows(CartNotFoundException.class,
                () -> shop.getCart(new GetCartRequest("nope")));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
        assertEquals("cart nope not found", missing.getMessage());

        shop.open("c1");
        OutOfStockException out = assertThrows(OutOfStockException.class,
                () -> shop.addItem(new AddItemRequest("c1", new Item("pear", 1))));
        assertEquals(ErrorCode.FAILED_PRECONDITION, out.code());
        assertEquals("pear", out.details().get("sku"));
    }

    @Test
    void constraintsAreChecked() {
        List<ConstraintViolation> violations =
                ConstraintCheck.violationsOf(new AddItemRequest("c1", new Item("", 0)));
        assertEquals(List.of(
                        new ConstraintViolation("item.sku", "must be at least 1 character long"),
                        new ConstraintViolation("item.quantity", "must be at least 1")),
                violations);
        assertEquals(List.of(new ConstraintViolation("item", "is required")),
                ConstraintCheck.violationsOf(new AddItemRequest("c1", null)));
    }

    @Test
    void jsonRoundTripsWithJackson3() {
        String text = "{\"id\":\"c1\",\"items\":[{\"sku\":\"apple\",\"quantity\":2}],\"status\":\"CHECKED_OUT\","
                + "\"updatedAt\":\"2026-01-02T03:04:05Z\"}";
        Cart cart = json.readValue(text, Cart.class);
        assertEquals(CartStatus.CHECKED_OUT, cart.status());
        assertEquals(json.readTree(text), json.readTree(json.writeValueAsString(cart)));

        Cart fromNewerVersion = json.readValue(
                "{\"id\":\"c2\",\"status\":\"ABANDONED\",\"addedLater\":true,\"updatedAt\":\"2026-01-02T03:04:05Z\"}", Cart.class);
        assertEquals(CartStatus.UNRECOGNIZED, fromNewerVersion.status());
        assertEquals(List.of(), fromNewerVersion.items());
    }
}
