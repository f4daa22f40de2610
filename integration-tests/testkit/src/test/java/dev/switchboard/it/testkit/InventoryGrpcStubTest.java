package dev.switchboard.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.testkit.inventory.InventoryClient;
import dev.switchboard.it.testkit.inventory.InventoryGrpcClient;
import dev.switchboard.it.testkit.inventory.OutOfStockException;
import dev.switchboard.it.testkit.inventory.Reservation;
import dev.switchboard.it.testkit.inventory.ReserveRequest;
import dev.switchboard.it.testkit.inventory.Restock;
import dev.switchboard.it.testkit.inventory.Shelf;
import dev.switchboard.it.testkit.inventory.ShelfState;
import dev.switchboard.it.testkit.inventory.Stock;
import dev.switchboard.it.testkit.inventory.StockRequest;
import dev.switchboard.runtime.Bytes;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.stream.StreamSource;
import dev.switchboard.test.ContractViolation;
import dev.switchboard.test.RecordedCall;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shop's generated gRPC client against the same stub over gRPC: one script answers either transport, errors
 * arrive as the generated exceptions, outages are retried, streams flow both ways, and every kind of field crosses
 * protobuf and comes back as the same record it does over REST.
 */
class InventoryGrpcStubTest extends StubbedInventory {

    private static final Shelf SHELF = new Shelf("blue-mug", 9_007_199_254_740_993L, 7, 0.25,
            new BigDecimal("12.50"), Instant.parse("2026-12-04T08:15:30.123Z"), Duration.ofDays(30).plusMillis(5),
            ShelfState.STOCKED, Bytes.of(new byte[] {0, 1, (byte) 0xfe}), "top shelf", List.of("l-1", "l-2"),
            Map.of("a", 2, "b", 0), new Stock("red-kettle", 4), true);

    @Test
    void theGrpcClientGetsTheScriptedAnswerAndTheStubRecordsTheRequestAsJson() {
        inventory.on("reserveStock").answer(new Reservation("r-1", "blue-mug", 2));

        try (ConfigurableApplicationContext shop = shop("grpc")) {
            assertThat(shop.getBean(InventoryClient.class)).isInstanceOf(InventoryGrpcClient.class);
            assertThat(shop.getBean(InventoryClient.class).reserveStock(new ReserveRequest("blue-mug", 2)))
                    .isEqualTo(new Reservation("r-1", "blue-mug", 2));
        }
        RecordedCall call = inventory.calls("reserveStock").get(0);
        assertThat(call.transport()).isEqualTo("grpc");
        assertThat(call.path()).isEqualTo("/dev.switchboard.it.testkit.inventory.Inventory/ReserveStock");
        assertThat(call.body().path("sku").asString()).isEqualTo("blue-mug");
        assertThat(call.body().path("quantity").asInt()).isEqualTo(2);
        assertThat(call.header("traceparent")).as("the caller's trace travels in the metadata").isNotBlank();
    }

    @Test
    void everyKindOfFieldCrossesBothTransportsTheSameWay() {
        inventory.on("describeShelf").answer(SHELF);
        Shelf empty = new Shelf("", 0L, 0, 0.0, BigDecimal.ZERO, Instant.EPOCH, Duration.ZERO, ShelfState.EMPTY,
                Bytes.of(new byte[0]), null, List.of(), Map.of(), null, false);

        for (String transport : List.of("rest", "grpc")) {
            try (ConfigurableApplicationContext shop = shop(transport)) {
                assertThat(shop.getBean(InventoryClient.class).describeShelf(SHELF)).as(transport).isEqualTo(SHELF);
                shop.getBean(InventoryClient.class).describeShelf(empty);
            }
        }
        List<RecordedCall> calls = inventory.calls("describeShelf");
        assertThat(calls).extracting(RecordedCall::transport).containsExactly("rest", "rest", "grpc", "grpc");
        assertThat(calls.get(2).body()).as("a full message, over gRPC as over REST").isEqualTo(calls.get(0).body());
        assertThat(calls.get(2).body().path("onHand").asLong()).isEqualTo(9_007_199_254_740_993L);
        assertThat(calls.get(2).body().path("state").asString()).isEqualTo("STOCKED");
        assertThat(calls.get(3).body()).as("an empty message too").isEqualTo(calls.get(1).body());
        assertThat(calls.get(3).body().has("note")).as("an unset optional field stays unset").isFalse();
        assertThat(calls.get(3).body().path("sku").asString()).isEmpty();
    }

    @Test
    void aDeclaredErrorArrivesAsTheGeneratedException() {
        inventory.on("reserveStock").error("OutOfStock", "only 1 of blue-mug left", Map.of("available", "1", "sku", "blue-mug"));

        try (ConfigurableApplicationContext shop = shop("grpc")) {
            assertThatThrownBy(() -> shop.getBean(InventoryClient.class).reserveStock(new ReserveRequest("blue-mug", 5)))
                    .isInstanceOfSatisfying(OutOfStockException.class, error -> {
                        assertThat(error.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION);
                        assertThat(error.details()).containsEntry("available", "1");
                    })
                    .hasMessageContaining("only 1 of blue-mug left");
        }
        assertThat(inventory.calls("reserveStock")).as("a contract error is an answer, not retried").hasSize(1);
    }

    @Test
    void outagesAreRetriedAsThePolicySays() {
        inventory.on("reserveStock").failTimes(2, ErrorCode.UNAVAILABLE).answer(new Reservation("r-2", "blue-mug", 1));

        try (ConfigurableApplicationContext shop = shop("grpc")) {
            assertThat(shop.getBean(InventoryClient.class).reserveStock(new ReserveRequest("blue-mug", 1)).id())
                    .isEqualTo("r-2");
        }
        assertThat(inventory.calls("reserveStock")).as("two failures, then the answer").hasSize(3);
    }

    @Test
    void aSlowAnswerRunsIntoTheDeadline() {
        inventory.on("getStock").delay(Duration.ofSeconds(2)).answer(new Stock("blue-mug", 1));

        try (ConfigurableApplicationContext shop = shop("grpc")) {
            assertThatThrownBy(() -> shop.getBean(InventoryClient.class).getStock(new StockRequest("blue-mug")))
                    .isInstanceOfSatisfying(SwitchboardException.class,
                            failure -> assertThat(failure.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED));
        }
    }

    @Test
    void streamsFlowBothWays() throws Exception {
        inventory.on("watchStock").answerStream(List.of(new Stock("blue-mug", 3), new Stock("blue-mug", 2),
                new Stock("blue-mug", 1)));
        inventory.on("restock").answer(new Stock("blue-mug", 12));

        try (ConfigurableApplicationContext shop = shop("grpc")) {
            InventoryGrpcClient client = shop.getBean(InventoryGrpcClient.class);
            List<Stock> seen = new ArrayList<>();
            try (StreamSource<Stock> stock = client.watchStock(new StockRequest("blue-mug"))) {
                stock.forEach(seen::add);
            }
            assertThat(seen).extracting(Stock::available).containsExactly(3, 2, 1);
            assertThat(client.restock(List.of(new Restock("blue-mug", 5), new Restock("blue-mug", 7))))
                    .isEqualTo(new Stock("blue-mug", 12));
        }
        RecordedCall restock = inventory.calls("restock").get(0);
        assertThat(restock.body().isArray()).as("a client stream is recorded whole").isTrue();
        assertThat(restock.body()).extracting(node -> node.path("quantity").asInt()).containsExactly(5, 7);
    }

    @Test
    void scriptsTheStreamCannotCarryAreRefused() {
        assertThatThrownBy(() -> inventory.on("getStock").answerStream(List.of(new Stock("a", 1))))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("not a stream");
        assertThatThrownBy(() -> inventory.on("watchStock").answer(Map.of("sku", "a", "available", "many")))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("available");
    }
}
