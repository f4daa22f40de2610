package dev.switchboard.codegen.java;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import java.util.List;

/** PLACEHOLDER: being written. */
public final class ErrorExceptionGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return false;
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        return List.of();
    }
}
