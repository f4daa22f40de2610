package dev.switchboard.codegen;

import java.util.List;

/** One kind of output (records, the service interface, the .proto, ...). */
public interface OutputGenerator {

    /** Whether this output belongs to a build playing the input's roles. */
    boolean appliesTo(ContractInput input);

    List<GeneratedFile> generate(ContractInput input);
}
