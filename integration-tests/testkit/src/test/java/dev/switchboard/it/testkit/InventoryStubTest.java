package dev.switchboard.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.testkit.inventory.InventoryClient;
import dev.switchboard.it.testkit.inventory.OutOfStockException;
import dev.switchboard.it.testkit.inventory.Reservation;
import dev.switchboard.it.testkit.inventory.ReserveRequest;
import dev.switchboard.it.testkit.inventory.Stock;
import dev.switchboard.it.testkit.inventory.StockRequest;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.test.ContractViolation;
import dev.switchboard.test.RecordedCall;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shop's generated inventory client against a stub of the inventory service made from its contract (the one
 * this build's jar carries, found on the class path as an importer finds it): scripted answers and errors, retries
 * and the circuit seen in the calls the stub recorded, answers the real service could not give refused.
 */
class InventoryStubTest extends StubbedInventory {

    @Test
    void theClientGetsTheScriptedAnswerAndTheStubRecordsTheRequest() {
        inventory.on("reserveStock").answer(new Reservation("r-1", "blue-mug", 2));

        try (ConfigurableApplicationContext shop = shop("rest")) {
            Reservation reservation = shop.getBean(InventoryClient.class).reserveStock(new ReserveRequest("blue-mug", 2));

            assertThat(reservation).isEqualTo(new Reservation("r-1", "blue-mug", 2));
        }
        RecordedCall call = inventory.calls("reserveStock").get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/reservations");
        assertThat(call.body().path("sku").asString()).isEqualTo("blue-mug");
        assertThat(call.body().path("quantity").asInt()).isEqualTo(2);
        assertThat(call.header("traceparent")).as("the caller's trace travels").isNotBlank();
    }

    @Test
    void pathVariablesRouteToTheirOperation() {
        inventory.on("getStock").answer(Map.of("sku", "red-kettle", "available", 7));

        try (ConfigurableApplicationContext shop = shop("rest")) {
            assertThat(shop.getBean(InventoryClient.class).getStock(new StockRequest("red-kettle")))
                    .isEqualTo(new Stock("red-kettle", 7));
        }
        assertThat(inventory.calls("getStock")).singleElement().extracting(RecordedCall::path).isEqualTo("/stock/red-kettle");
    }

    @Test
    void outagesAreRetriedAsThePolicySays() {
        inventory.on("reserveStock").failTimes(2, ErrorCode.UNAVAILABLE).answer(new Reservation("r-2", "blue-mug", 1));

        try (ConfigurableApplicationContext shop = shop("rest")) {
            assertThat(shop.getBean(InventoryClient.class).reserveStock(new ReserveRequest("blue-mug", 1)).id())
                    .isEqualTo("r-2");
        }
        assertThat(inventory.calls("reserveStock")).as("two failures, then the answer").hasSize(3);
    }

    @Test
    void aDeclaredErrorReachesTheCallerAsTheGeneratedException() {
        inventory.on("reserveStock").error("OutOfStock", "only 1 of blue-mug left",
                Map.of("available", "1", "sku", "blue-mug"));

        try (ConfigurableApplicationContext shop = shop("rest")) {
            assertThatThrownBy(() -> shop.getBean(InventoryClient.class).reserveStock(new ReserveRequest("blue-mug", 5)))
                    .isInstanceOf(OutOfStockException.class)
                    .hasMessageContaining("only 1 of blue-mug left");
        }
        assertThat(inventory.calls("reserveStock")).as("a contract error is an answer, not retried").hasSize(1);
    }

    @Test
    void aSlowAnswerIsTheCallersTimeout() {
        inventory.on("getStock").delay(Duration.ofMillis(1500)).answer(new Stock("slow", 1));

        try (ConfigurableApplicationContext shop = shop("rest")) {
            assertThatThrownBy(() -> shop.getBean(InventoryClient.class).getStock(new StockRequest("slow")))
                    .isInstanceOfSatisfying(SwitchboardException.class,
                            failure -> assertThat(failure.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED));
        }
    }

    @Test
    void repeatedOutagesOpenTheCallersCircuit() {
        inventory.on("getStock").failTimes(100, ErrorCode.UNAVAILABLE);

        try (ConfigurableApplicationContext shop = shop("rest")) {
            InventoryClient client = shop.getBean(InventoryClient.class);
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> client.getStock(new StockRequest("gone"))).isInstanceOf(SwitchboardException.class);
            }
            int reached = inventory.calls("getStock").size();
            assertThatThrownBy(() -> client.getStock(new StockRequest("gone"))).hasMessageContaining("circuit open");
            assertThat(inventory.calls("getStock")).as("an open circuit calls nobody").hasSize(reached);
        }
    }

    @Test
    void answersTheRealServiceCouldNotGiveAreRefusedWhenScripted() {
        assertThatThrownBy(() -> inventory.on("getStock").answer(Map.of("sku", "x", "available", "many")))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("available").hasMessageContaining("int32");
        assertThatThrownBy(() -> inventory.on("getStock").answer(Map.of("sku", "x", "count", 1)))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("count is not a field of Stock");
        assertThatThrownBy(() -> inventory.on("getStock").error("OutOfStock", "no", Map.of()))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("does not declare the error OutOfStock");
        assertThatThrownBy(() -> inventory.on("cancelEverything"))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("Inventory has no operation cancelEverything");
    }
}
