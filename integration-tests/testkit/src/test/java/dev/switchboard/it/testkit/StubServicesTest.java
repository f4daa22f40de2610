package dev.switchboard.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.testkit.inventory.InventoryClient;
import dev.switchboard.it.testkit.inventory.Stock;
import dev.switchboard.it.testkit.inventory.StockRequest;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.test.ContractStub;
import dev.switchboard.test.StubServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The Spring way: the annotation starts the stub, points the generated client at it and hands it to the test. */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@StubServices("Inventory")
class StubServicesTest {

    @Autowired
    ContractStub inventoryStub;

    @Autowired
    InventoryClient inventory;

    @BeforeEach
    void reset() {
        inventoryStub.reset();
    }

    @Test
    void theGeneratedClientTalksToTheStub() {
        inventoryStub.on("getStock").failTimes(1, ErrorCode.RESOURCE_EXHAUSTED).answer(new Stock("blue-mug", 12));

        assertThat(inventory.getStock(new StockRequest("blue-mug"))).isEqualTo(new Stock("blue-mug", 12));
        assertThat(inventoryStub.calls("getStock")).hasSize(2);
        assertThat(inventoryStub.baseUrl()).startsWith("http://127.0.0.1:");
    }
}
