package dev.switchboard.samples.points;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.samples.orders.Order;
import dev.switchboard.samples.orders.OrdersEventsHandler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Credits one point per whole euro of every order, and serves the balance over REST. Each event
 * is credited once: the generated consumer drops redeliveries by their CloudEvent id. Customers
 * listed in {@code points.locked-customers} fail every time (their ledger is locked), so their
 * events end in the dead-letter destination while everyone else's flow.
 */
@Component
public class PointsLedger implements PointsService, OrdersEventsHandler {

    private final Map<String, CustomerPoints> balances = new ConcurrentHashMap<>();
    private final Set<String> lockedCustomers;

    public PointsLedger(@Value("${points.locked-customers:}") List<String> lockedCustomers) {
        this.lockedCustomers = Set.copyOf(lockedCustomers);
    }

    @Override
    public void orderCreated(Order event) {
        if (lockedCustomers.contains(event.customerId())) {
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                    "the ledger of " + event.customerId() + " is locked", Map.of());
        }
        balances.merge(event.customerId(), new CustomerPoints(event.customerId(), event.totalCents() / 100, 1),
                (balance, order) -> new CustomerPoints(balance.customerId(), balance.points() + order.points(),
                        balance.orders() + 1));
    }

    @Override
    public CustomerPoints getPoints(GetPointsRequest request) {
        return balances.getOrDefault(request.customerId(), new CustomerPoints(request.customerId(), 0, 0));
    }
}
