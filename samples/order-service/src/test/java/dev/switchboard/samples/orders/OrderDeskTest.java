package dev.switchboard.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.samples.inventory.Reservation;
import dev.switchboard.test.ContractStub;
import dev.switchboard.test.PublishedMessages;
import dev.switchboard.test.RecordedCall;
import dev.switchboard.test.StubServices;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The order desk without an inventory service: the stub made from inventory's contract answers the generated
 * gRPC client (the transport application.yml configures), and the recorder hears what the desk published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.grpc.server.port=0",
        // The stub checks no token, so the desk calls without fetching one from the shop's issuer.
        "switchboard.services.inventory.client.credentials=none",
        "ORDERS_CLIENT_SECRET=unused"})
@StubServices(contracts = "../inventory-service/src/main/switchboard/service.yaml")
class OrderDeskTest {

    @Autowired
    ContractStub inventoryStub;

    @Autowired
    OrdersService orders;

    private PublishedMessages published;

    @BeforeEach
    void record() {
        inventoryStub.reset();
        published = PublishedMessages.onEmbeddedBroker(OrdersMessages.ORDER_CREATED);
    }

    @AfterEach
    void stopRecording() {
        published.close();
    }

    @Test
    void anOrderIsPricedFromTheReservationAndAnnounced() {
        inventoryStub.on("reserveStock").answer(new Reservation("any", "blue-mug", 2, 1250L, 8));

        Order order = orders.placeOrder(new PlaceOrderRequest("c-1", "blue-mug", 2));

        assertThat(order.totalCents()).isEqualTo(2500L);
        RecordedCall reserve = inventoryStub.calls("reserveStock").get(0);
        assertThat(reserve.transport()).isEqualTo("grpc");
        assertThat(reserve.body().path("orderId").asString()).as("stock is reserved for this order").isEqualTo(order.id());
        assertThat(published.await(OrdersMessages.ORDER_CREATED, Order.class, 1, Duration.ofSeconds(10)))
                .containsExactly(order);
    }

    @Test
    void inventorysShortageIsTheOrdersOwnError() {
        inventoryStub.on("reserveStock").error("OutOfStock", "only 1 of blue-mug left",
                Map.of("available", "1", "sku", "blue-mug"));

        assertThatThrownBy(() -> orders.placeOrder(new PlaceOrderRequest("c-1", "blue-mug", 5)))
                .isInstanceOf(OutOfStockException.class)
                .hasMessageContaining("only 1 of blue-mug left");
        assertThat(published.messages(OrdersMessages.ORDER_CREATED)).as("no order, no event").isEmpty();
    }

    @Test
    @DirtiesContext // the failures count towards the client's circuit breaker, which the next test must find closed
    void anInventoryOutageIsRetriedThenReportedAsUnavailable() {
        inventoryStub.on("reserveStock").failTimes(3, ErrorCode.UNAVAILABLE)
                .answer(new Reservation("any", "blue-mug", 1, 100L, 0));

        assertThatThrownBy(() -> orders.placeOrder(new PlaceOrderRequest("c-1", "blue-mug", 1)))
                .isInstanceOf(InventoryUnavailableException.class);
        assertThat(inventoryStub.calls("reserveStock")).as("the contract's three attempts").hasSize(3);
    }
}
