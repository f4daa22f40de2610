package dev.switchboard.it.testkit;

import dev.switchboard.test.ContractStub;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One stub of the inventory service for a test class, made from the contract this build's jar carries (found on the
 * class path as an importer finds it), and the shop started against it, fresh per test so no circuit state carries
 * over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StubbedInventory {

    protected ContractStub inventory;

    @BeforeAll
    void stub() {
        inventory = ContractStub.forService("Inventory");
    }

    @AfterAll
    void stop() {
        inventory.close();
    }

    @BeforeEach
    void reset() {
        inventory.reset();
    }

    /** The shop with its inventory client pointed at the stub over {@code transport}. */
    protected ConfigurableApplicationContext shop(String transport) {
        return new SpringApplicationBuilder(ShopApplication.class).web(WebApplicationType.NONE)
                .run(Stream.concat(inventory.clientProperties(transport).entrySet().stream()
                                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()),
                        Stream.of("--spring.main.banner-mode=off", "--spring.grpc.server.port=0"))
                        .toArray(String[]::new));
    }
}
