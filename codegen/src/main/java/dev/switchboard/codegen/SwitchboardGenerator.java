package dev.switchboard.codegen;

import dev.switchboard.codegen.java.ClientInterfaceGenerator;
import dev.switchboard.codegen.java.EnumGenerator;
import dev.switchboard.codegen.java.ErrorExceptionGenerator;
import dev.switchboard.codegen.java.RecordGenerator;
import dev.switchboard.codegen.java.ServiceInterfaceGenerator;
import dev.switchboard.codegen.spec.AsyncApiGenerator;
import dev.switchboard.codegen.spec.OpenApiGenerator;
import dev.switchboard.codegen.spec.ProtoGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every output generator that applies to each contract. A transport adapter is one more
 * entry in {@link #GENERATORS}.
 */
public final class SwitchboardGenerator {

    private static final List<OutputGenerator> GENERATORS = List.of(
            new RecordGenerator(),
            new EnumGenerator(),
            new ErrorExceptionGenerator(),
            new ServiceInterfaceGenerator(),
            new ClientInterfaceGenerator(),
            new ProtoGenerator(),
            new OpenApiGenerator(),
            new AsyncApiGenerator());

    public List<GeneratedFile> generate(List<ContractInput> inputs) {
        List<GeneratedFile> files = new ArrayList<>();
        for (ContractInput input : inputs) {
            for (OutputGenerator generator : GENERATORS) {
                if (generator.appliesTo(input)) {
                    files.addAll(generator.generate(input));
                }
            }
        }
        return List.copyOf(files);
    }
}
