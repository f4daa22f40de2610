package dev.switchboard.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contract.ContractException;
import dev.switchboard.contract.ContractLoader;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a selection of transports means for one contract: which it uses, what its client offers, what fails. */
class TransportRulesTest {

    private static final ServiceContract PINGS = ContractLoader.parse("pings.yaml", """
            switchboard: 1
            service: Pings
            package: com.example.pings
            types:
              Ping:
                fields:
                  text: { type: string, tag: 1 }
            operations:
              ping: { input: Ping, output: Ping }
              look: { input: Ping, output: Ping, http: GET /look }
              watch: { input: Ping, output: stream Ping, http: GET /watch }
              upload: { input: stream Ping, output: Ping }
            """);

    /** An operation and no HTTP binding, like the sample's inventory. */
    private static final ServiceContract NO_HTTP = ContractLoader.parse("inventory.yaml", """
            switchboard: 1
            service: Inventory
            package: com.example.inventory
            types:
              Ping:
                fields:
                  text: { type: string, tag: 1 }
            operations:
              reserve: { input: Ping, output: Ping }
            """);

    @Test
    void restCarriesOperationsWithAnHttpBindingAndGrpcCarriesEveryOne() {
        ContractInput both = input(EnumSet.allOf(Role.class), EnumSet.allOf(Transport.class));
        ContractInput grpc = input(EnumSet.of(Role.CLIENT), EnumSet.of(Transport.GRPC));

        assertThat(names(both.clientOperations())).containsExactly("look", "watch");
        assertThat(names(grpc.clientOperations())).containsExactly("ping", "look", "watch", "upload");
        assertThat(both.serves(Transport.REST)).isTrue();
        assertThat(both.calls(Transport.GRPC)).isTrue();
        assertThat(grpc.serves(Transport.GRPC)).isFalse();
        assertThat(input(EnumSet.of(Role.SERVER), EnumSet.noneOf(Transport.class)).serves(Transport.GRPC)).isFalse();
    }

    @Test
    void aContractWithoutAnyHttpBindingIsNeverServedOrCalledOverRest() {
        ContractInput input = new ContractInput(NO_HTTP, "inventory.yaml", Set.of(Role.CLIENT),
                EnumSet.allOf(Transport.class));

        assertThat(input.calls(Transport.REST)).isFalse();
        assertThat(input.clientTransports()).containsExactly(Transport.GRPC);
        assertThat(names(input.clientOperations())).containsExactly("reserve");
        assertThat(new SwitchboardGenerator().generate(List.of(input))).extracting(GeneratedFile::relativePath)
                .contains("com/example/inventory/InventoryGrpcClient.java")
                .noneMatch(path -> path.contains("Rest"));
    }

    @Test
    void operationsThatNoTransportOfTheBuildCarriesFailTheBuildForEachContract() {
        List<ContractInput> inputs = List.of(
                new ContractInput(NO_HTTP, "inventory.yaml", Set.of(Role.SERVER), EnumSet.of(Transport.REST)),
                new ContractInput(PINGS, "pings.yaml", Set.of(Role.CLIENT), EnumSet.noneOf(Transport.class)));

        assertThatThrownBy(() -> new SwitchboardGenerator().generate(inputs))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("inventory.yaml:1:1: no transport of this build serves the operations of Inventory "
                        + "(selected: rest; REST carries only operations with an http binding) — add "
                        + "dev.switchboard:switchboard-spring-boot-starter-grpc to the dependencies, or give an "
                        + "operation an `http: METHOD /path` binding and add switchboard-spring-boot-starter-rest, "
                        + "or leave out the roles server for this contract")
                .hasMessageContaining("pings.yaml:1:1: no transport of this build calls the operations of Pings (selected: none;");
    }

    @Test
    void aContractWithoutOperationsNeedsNoTransport() {
        ServiceContract events = ContractLoader.parse("events.yaml", """
                switchboard: 1
                service: Shipping
                package: com.example.shipping
                types:
                  Shipped:
                    fields:
                      id: { type: string, tag: 1 }
                events:
                  shipped: { payload: Shipped, topic: shipping.shipped }
                """);

        assertThat(new SwitchboardGenerator().generate(List.of(new ContractInput(events, "events.yaml",
                EnumSet.allOf(Role.class), EnumSet.noneOf(Transport.class)))))
                .extracting(GeneratedFile::relativePath)
                .contains("com/example/shipping/ShippingEvents.java", "META-INF/switchboard/shipping/asyncapi.yaml")
                .noneMatch(path -> path.contains("Rest") || path.contains("Grpc") || path.endsWith("openapi.yaml"));
    }

    private static ContractInput input(Set<Role> roles, Set<Transport> transports) {
        return new ContractInput(PINGS, "pings.yaml", roles, transports);
    }

    private static List<String> names(List<Operation> operations) {
        return operations.stream().map(Operation::name).toList();
    }
}
