package dev.switchboard.it.faults.app;

import dev.switchboard.it.faults.shop.ShopEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One instance of the shop the fault suite kills: it serves {@code POST /orders} (saves the order
 * and publishes {@code orderPlaced} and {@code orderAudited} in one transaction) and handles both
 * (writes the order's effect row; a batch's audit rows). Run as its own JVM by the tests, configured by
 * {@code --key=value} arguments; the tables {@code orders}, {@code effects} and {@code audits} are the
 * test's, made before it starts.
 */
@SpringBootApplication
public class ShopApplication {

    /** The line the launcher waits for: the application is ready, its subscriptions started. */
    public static final String READY = "SHOP READY";

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    @Bean
    PlaceOrders placeOrders(JdbcTemplate jdbc, TransactionTemplate transactions, ShopEvents events,
            @Value("${shop.instance}") String instance) {
        return new PlaceOrders(jdbc, transactions, events, instance);
    }

    @Bean
    RecordEffects recordEffects(JdbcTemplate jdbc, TransactionTemplate transactions,
            @Value("${shop.instance}") String instance, @Value("${shop.handler-sleep-ms:0}") long sleepMillis) {
        return new RecordEffects(jdbc, transactions, instance, sleepMillis);
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceReady() {
        System.out.println(READY);
        System.out.flush();
    }
}
