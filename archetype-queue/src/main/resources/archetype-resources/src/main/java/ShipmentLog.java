package ${package};

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Subscribes to {@code orderShipped}, as any other service could, and remembers the tracking numbers. */
@Component
public class ShipmentLog implements ${serviceName}EventsHandler {

    private final Map<String, String> trackingNumbers = new ConcurrentHashMap<>();

    @Override
    public void orderShipped(OrderShipped event) {
        trackingNumbers.put(event.orderId(), event.trackingNumber());
    }

    public Optional<String> trackingNumber(String orderId) {
        return Optional.ofNullable(trackingNumbers.get(orderId));
    }
}
