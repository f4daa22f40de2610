package dev.switchboard.codegen;

import dev.switchboard.contract.ContractLoader;
import dev.switchboard.contract.model.ServiceContract;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * The contract that uses every feature of the format, and everything generated from it with all
 * four roles. Generated once per test JVM: every generator test reads the same files.
 */
public final class RichContract {

    /** How the generated headers name the contract, as the Maven plugin would. */
    public static final String SOURCE_NAME = "src/main/switchboard/service.yaml";

    private static ServiceContract contract;
    private static List<GeneratedFile> files;

    private RichContract() {}

    public static synchronized ServiceContract contract() {
        if (contract == null) {
            contract = ContractLoader.load(Path.of("src/test/resources/contracts/rich.yaml"));
        }
        return contract;
    }

    public static synchronized List<GeneratedFile> files() {
        if (files == null) {
            ContractInput input = new ContractInput(contract(), SOURCE_NAME, EnumSet.allOf(Role.class), EnumSet.allOf(Transport.class));
            files = new SwitchboardGenerator().generate(List.of(input));
        }
        return files;
    }

    public static List<GeneratedFile> javaSources() {
        return files().stream().filter(file -> file.kind() == GeneratedFile.Kind.SOURCE).toList();
    }
}
