package dev.switchboard.codegen.build;

import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.Transport;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Everything one generation depends on. Its fingerprint decides whether a build may skip generation,
 * so every input that changes the output must be a component here.
 *
 * @param baseDirectory    the project directory; contract names in generated headers are relative to it
 * @param contract         the service's own contract
 * @param roles            roles for the own contract
 * @param imports          other services' contracts: files, or service jars resolved from coordinates
 * @param importRoles      roles for the imported contracts
 * @param transports       the transports generated for (own and imported contracts alike)
 * @param stateDirectory   where the fingerprint of the last generation is kept
 * @param generatorVersion the plugin version; a new version regenerates everything
 */
public record GenerateRequest(
        Path baseDirectory,
        Path contract,
        Set<Role> roles,
        List<ImportedContract> imports,
        Set<Role> importRoles,
        Set<Transport> transports,
        Path sourceDirectory,
        Path resourceDirectory,
        Path stateDirectory,
        String generatorVersion) {

    public GenerateRequest {
        roles = Set.copyOf(roles);
        imports = List.copyOf(imports);
        importRoles = Set.copyOf(importRoles);
        transports = Set.copyOf(transports);
    }
}
