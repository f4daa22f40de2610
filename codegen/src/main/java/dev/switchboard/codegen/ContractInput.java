package dev.switchboard.codegen;

import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One contract to generate from, with the roles this build plays for it and the transports it
 * has. Roles × transports decide the outputs: a transport is used for a contract only when it is
 * selected and carries at least one of the contract's operations (REST needs an {@code http}
 * binding), so a contract without any binding is never served or called over REST.
 *
 * @param sourceName how generated files name their source in the "generated, do not edit" header,
 *                   e.g. {@code src/main/switchboard/service.yaml}
 * @param transports the transports this build selected
 */
public record ContractInput(ServiceContract contract, String sourceName, Set<Role> roles, Set<Transport> transports) {

    public ContractInput {
        roles = Set.copyOf(roles);
        transports = Set.copyOf(transports);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this build serves the contract's operations over {@code transport}. */
    public boolean serves(Transport transport) {
        return has(Role.SERVER) && uses(transport);
    }

    /** Whether this build calls the contract's operations over {@code transport}. */
    public boolean calls(Transport transport) {
        return has(Role.CLIENT) && uses(transport);
    }

    /** The transports this build calls the contract over; empty without the client role. */
    public Set<Transport> clientTransports() {
        Set<Transport> used = EnumSet.noneOf(Transport.class);
        for (Transport transport : Transport.values()) {
            if (calls(transport)) {
                used.add(transport);
            }
        }
        return used;
    }

    /**
     * The operations {@code <Service>Client} declares: those every client transport carries, so the
     * interface never promises a call the configured transport cannot make. A transport's own
     * client class exposes the rest.
     */
    public List<Operation> clientOperations() {
        Set<Transport> used = clientTransports();
        return contract.operations().stream()
                .filter(operation -> used.stream().allMatch(transport -> transport.carries(operation)))
                .toList();
    }

    private boolean uses(Transport transport) {
        return transports.contains(transport) && contract.operations().stream().anyMatch(transport::carries);
    }
}
