package dev.switchboard.samples.orders;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The placed orders, in table {@code shop_orders} ({@code db/orders.sql}). */
@Repository
public class OrderBook {

    private final JdbcClient jdbc;

    public OrderBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves {@code order} in the caller's transaction. */
    public void save(Order order) {
        jdbc.sql("INSERT INTO shop_orders (id, customer_id, sku, quantity, total_cents, placed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(order.id(), order.customerId(), order.sku(), order.quantity(), order.totalCents(),
                        order.placedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    public Optional<Order> find(String id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(OrderBook::order).optional();
    }

    /** A customer's orders, oldest first. */
    public List<Order> ofCustomer(String customerId) {
        return jdbc.sql(SELECT + " WHERE customer_id = ? ORDER BY placed_at, id").param(customerId)
                .query(OrderBook::order).list();
    }

    private static final String SELECT =
            "SELECT id, customer_id, sku, quantity, total_cents, placed_at FROM shop_orders";

    private static Order order(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Order(rs.getString("id"), rs.getString("customer_id"), rs.getString("sku"), rs.getInt("quantity"),
                rs.getLong("total_cents"), rs.getObject("placed_at", OffsetDateTime.class).toInstant());
    }
}
