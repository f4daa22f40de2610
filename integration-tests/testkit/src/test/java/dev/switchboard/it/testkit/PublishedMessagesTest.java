package dev.switchboard.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.testkit.inventory.InventoryEvents;
import dev.switchboard.it.testkit.inventory.InventoryMessages;
import dev.switchboard.it.testkit.inventory.Reservation;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.test.PublishedMessages;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** What an application published on the embedded broker, heard by the recorder and read back as records. */
class PublishedMessagesTest {

    @Test
    void theRecorderHearsWhatTheGeneratedPublisherSent() throws Exception {
        try (PublishedMessages published = PublishedMessages.onEmbeddedBroker(InventoryMessages.STOCK_RESERVED);
                ConfigurableApplicationContext shop = new SpringApplicationBuilder(ShopApplication.class)
                        .web(WebApplicationType.NONE).properties("spring.main.banner-mode=off").run()) {
            InventoryEvents events = shop.getBean(InventoryEvents.class);
            events.stockReserved(new Reservation("r-1", "blue-mug", 2)).get(5, TimeUnit.SECONDS);
            events.stockReserved(new Reservation("r-2", "red-kettle", 1)).get(5, TimeUnit.SECONDS);

            assertThat(published.await(InventoryMessages.STOCK_RESERVED, Reservation.class, 2, Duration.ofSeconds(5)))
                    .containsExactly(new Reservation("r-1", "blue-mug", 2), new Reservation("r-2", "red-kettle", 1));
            Message first = published.messages(InventoryMessages.STOCK_RESERVED).get(0);
            assertThat(first.source()).as("the CloudEvents source names the service").contains("Inventory");
            assertThat(first.type()).contains("stockReserved");
        }
    }

    @Test
    void aMessageThatNeverComesFailsWithWhatWasHeard() {
        try (PublishedMessages published = PublishedMessages.onEmbeddedBroker(InventoryMessages.STOCK_RESERVED)) {
            assertThatThrownBy(() -> published.await(InventoryMessages.STOCK_RESERVED, Reservation.class, 1,
                    Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected 1 stockReserved published on testkit.stock.reserved")
                    .hasMessageContaining("got 0");
        }
    }
}
