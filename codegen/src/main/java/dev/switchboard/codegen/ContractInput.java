package dev.switchboard.codegen;

import dev.switchboard.contract.model.ServiceContract;
import java.util.Set;

/**
 * One contract to generate from, with the roles this build plays for it.
 *
 * @param sourceName how generated files name their source in the "generated, do not edit" header,
 *                   e.g. {@code src/main/switchboard/service.yaml}
 */
public record ContractInput(ServiceContract contract, String sourceName, Set<Role> roles) {

    public ContractInput {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
