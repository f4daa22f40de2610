package dev.switchboard.benchmarks.messaging.generated;

import dev.switchboard.benchmarks.messaging.Deliveries;
import dev.switchboard.benchmarks.messaging.Side;
import dev.switchboard.benchmarks.messaging.prices.PriceChanged;
import dev.switchboard.benchmarks.messaging.prices.PricesEvents;
import dev.switchboard.benchmarks.messaging.prices.PricesEventsHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The generated {@code PricesEvents} in one application and a {@code PricesEventsHandler} bean in another. */
public final class GeneratedSide implements Side {

    private final ConfigurableApplicationContext consumer;
    private final ConfigurableApplicationContext publisher;
    private final PricesEvents events;

    public GeneratedSide(Map<String, String> broker) {
        consumer = start(ConsumerApplication.class, broker, "prices-bench-consumer");
        publisher = start(PublisherApplication.class, broker, "prices-bench-publisher");
        events = publisher.getBean(PricesEvents.class);
    }

    private static ConfigurableApplicationContext start(Class<?> application, Map<String, String> broker, String name) {
        List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off", "logging.level.root=warn",
                "spring.application.name=" + name));
        broker.forEach((key, value) -> properties.add(key + "=" + value));
        // -Dbench.generated="a=b,c=d": settings for both generated applications, e.g. to switch something off.
        String extra = System.getProperty("bench.generated", "");
        if (!extra.isBlank()) {
            properties.addAll(List.of(extra.split(",")));
        }
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).run();
    }

    @Override
    public CompletableFuture<?> publish(long sequence, long sentAtNanos) {
        return events.priceChanged(new PriceChanged("sku-" + (sequence % 100), sequence, sentAtNanos));
    }

    @Override
    public void close() {
        publisher.close();
        consumer.close();
    }

    /** Auto-configuration only, no component scan: each application has exactly its own beans. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class PublisherApplication {}

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ConsumerApplication {
        @Bean
        PricesEventsHandler recorder() {
            return event -> Deliveries.received(event.sentAt());
        }
    }
}
