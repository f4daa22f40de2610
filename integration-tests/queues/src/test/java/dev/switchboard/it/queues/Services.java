package dev.switchboard.it.queues;

import dev.switchboard.it.queues.consumer.ConsumerApplication;
import dev.switchboard.it.queues.consumer.RecordingHandlers;
import dev.switchboard.it.queues.orders.OrderPlaced;
import dev.switchboard.it.queues.orders.OrdersCommands;
import dev.switchboard.it.queues.orders.OrdersEvents;
import dev.switchboard.it.queues.orders.ReserveStock;
import dev.switchboard.it.queues.publisher.PublisherApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The publishing orders service and consuming services of one test, each its own Spring
 * application configured by properties alone (the broker's standard {@code spring.*} ones), all
 * closed together.
 */
final class Services implements AutoCloseable {

    private final Map<String, String> broker;
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    /** @param broker the properties every service of the test gets */
    Services(Map<String, String> broker) {
        this.broker = broker;
    }

    ConfigurableApplicationContext publisher() {
        return start(PublisherApplication.class, Map.of("spring.application.name", "orders"));
    }

    /** A consuming service named {@code name}: its handlers record what they got. */
    RecordingHandlers consumer(String name) {
        return start(ConsumerApplication.class, Map.of("spring.application.name", name))
                .getBean(RecordingHandlers.class);
    }

    /** Publishes an order event and a reservation command from {@code publisher}; waits until {@code handlers} handled both. */
    static void eventAndCommandReach(ConfigurableApplicationContext publisher, RecordingHandlers handlers) throws Exception {
        String placed = "o-" + UUID.randomUUID();
        String reserved = "o-" + UUID.randomUUID();
        publisher.getBean(OrdersEvents.class).orderPlaced(new OrderPlaced(placed, "apple", 1, null)).get(30, TimeUnit.SECONDS);
        publisher.getBean(OrdersCommands.class).reserveStock(new ReserveStock(reserved, "apple", 1)).get(30, TimeUnit.SECONDS);
        Await.until("the event and the command handled", () -> handlers.handled(placed) == 1 && handlers.handled(reserved) == 1);
    }

    private ConfigurableApplicationContext start(Class<?> application, Map<String, String> own) {
        Map<String, String> properties = new TreeMap<>(broker);
        properties.putAll(own);
        properties.put("spring.main.banner-mode", "off");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .run();
        started.add(context);
        return context;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }
}
