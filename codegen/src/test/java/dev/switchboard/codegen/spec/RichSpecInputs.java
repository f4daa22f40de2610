package dev.switchboard.codegen.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.Transport;
import dev.switchboard.contract.ContractLoader;
import dev.switchboard.contract.model.ServiceContract;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The rich example contract, and the one file a spec writer makes from it. */
final class RichSpecInputs {

    static final String SOURCE_NAME = "contracts/rich.yaml";

    private RichSpecInputs() {}

    static ServiceContract contract() {
        try {
            return ContractLoader.load(Path.of(RichSpecInputs.class.getResource("/contracts/rich.yaml").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A contract with one gRPC-only operation, no HTTP binding, no events or commands. */
    static ServiceContract pings() {
        return ContractLoader.parse("pings.yaml", """
                switchboard: 1
                service: Pings
                package: com.example.pings
                types:
                  Ping:
                    fields:
                      text: { type: string, tag: 1 }
                operations:
                  ping: { input: Ping, output: Ping }
                """);
    }

    static ContractInput input(Role... roles) {
        return new ContractInput(contract(), SOURCE_NAME, Set.of(roles), EnumSet.allOf(Transport.class));
    }

    /** The single file {@code generator} writes for the owning service of the rich contract. */
    static GeneratedFile generate(OutputGenerator generator) {
        ContractInput input = input(Role.SERVER, Role.PUBLISHER);
        assertThat(generator.appliesTo(input)).isTrue();
        List<GeneratedFile> files = generator.generate(input);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).kind()).isEqualTo(GeneratedFile.Kind.RESOURCE);
        return files.get(0);
    }
}
