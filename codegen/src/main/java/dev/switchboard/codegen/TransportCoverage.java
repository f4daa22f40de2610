package dev.switchboard.codegen;

import dev.switchboard.contract.ContractProblem;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.List;

/**
 * A contract's operations must reach some transport of the build for each role that needs one:
 * served for the server role, callable for the client role. Otherwise the generated interface
 * would compile and do nothing, which is worth failing the build over.
 */
final class TransportCoverage {

    private TransportCoverage() {}

    static List<ContractProblem> problems(List<ContractInput> inputs) {
        List<ContractProblem> problems = new ArrayList<>();
        for (ContractInput input : inputs) {
            ServiceContract contract = input.contract();
            if (contract.operations().isEmpty()) {
                continue;
            }
            boolean anyTransport = false;
            for (Transport transport : Transport.values()) {
                anyTransport |= input.serves(transport) || input.calls(transport);
            }
            if ((input.has(Role.SERVER) || input.has(Role.CLIENT)) && !anyTransport) {
                problems.add(new ContractProblem(contract.position(),
                        "no transport of this build " + (input.has(Role.SERVER) ? "serves" : "calls")
                                + " the operations of " + contract.service() + " (selected: "
                                + selected(input) + "; REST carries only operations with an http binding)",
                        fix(input)));
            }
        }
        return problems;
    }

    private static String selected(ContractInput input) {
        List<String> ids = new ArrayList<>();
        for (Transport transport : Transport.values()) {
            if (input.transports().contains(transport)) {
                ids.add(transport.id());
            }
        }
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private static String fix(ContractInput input) {
        boolean anyHttp = input.contract().operations().stream().anyMatch(Transport.REST::carries);
        String grpc = "add dev.switchboard:switchboard-spring-boot-starter-grpc to the dependencies";
        String rest = anyHttp
                ? "add dev.switchboard:switchboard-spring-boot-starter-rest"
                : "give an operation an `http: METHOD /path` binding and add switchboard-spring-boot-starter-rest";
        return grpc + ", or " + rest + ", or leave out the roles "
                + (input.has(Role.SERVER) && input.has(Role.CLIENT) ? "server and client"
                        : input.has(Role.SERVER) ? "server" : "client")
                + " for this contract";
    }
}
