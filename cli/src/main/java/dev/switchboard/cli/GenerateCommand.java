package dev.switchboard.cli;

import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.Transport;
import dev.switchboard.codegen.build.GenerateRequest;
import dev.switchboard.codegen.build.Generation;
import dev.switchboard.codegen.build.GenerationResult;
import dev.switchboard.codegen.build.ImportedContract;
import dev.switchboard.codegen.writer.WriteReport;
import dev.switchboard.contract.ContractException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The plugin's generate goal: the same files from the same inputs, skipped when nothing changed. Imports are
 * contract files or service jars (which carry their contract); resolving coordinates is a build tool's job, so a CI
 * job passes the jar it fetched.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates Java sources and documents from a contract and the contracts it imports.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--contract", required = true, paramLabel = "FILE", description = "The service's own contract.")
    private Path contract;

    @Option(names = "--import", paramLabel = "FILE|JAR",
            description = "Another service's contract file, or its jar carrying one; repeatable.")
    private List<Path> imports = List.of();

    @Option(names = "--roles", split = ",", paramLabel = "ROLE",
            description = "Roles for the own contract: server, client, publisher, consumer (default: all).")
    private Set<Role> roles = EnumSet.allOf(Role.class);

    @Option(names = "--import-roles", split = ",", paramLabel = "ROLE",
            description = "Roles for imported contracts (default: client,consumer).")
    private Set<Role> importRoles = EnumSet.of(Role.CLIENT, Role.CONSUMER);

    @Option(names = "--transports", split = ",", paramLabel = "TRANSPORT",
            description = "rest, grpc: what to serve and call over (default: both).")
    private Set<Transport> transports = EnumSet.allOf(Transport.class);

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the Java sources go.")
    private Path sources;

    @Option(names = "--resources", paramLabel = "DIR",
            description = "Where the documents go (default: <out>/../generated-resources).")
    private Path resources;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Where the fingerprint of the last generation is kept (default: <out>/../switchboard).")
    private Path state;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path out = sources.toAbsolutePath().normalize();
        Path base = Path.of("").toAbsolutePath();
        GenerateRequest request = new GenerateRequest(base, contract, roles,
                imports.stream().map(GenerateCommand::imported).toList(), importRoles, transports, out,
                resources != null ? resources : out.resolveSibling("generated-resources"),
                state != null ? state : out.resolveSibling("switchboard"),
                "switchboard-cli " + SwitchboardCli.version());
        try {
            GenerationResult result = Generation.run(request);
            String name = Generation.sourceName(base, contract);
            if (result.outcome() == GenerationResult.Outcome.SKIPPED_UNCHANGED) {
                spec.commandLine().getOut().printf("%s and options unchanged, generation skipped%n", name);
            } else {
                WriteReport report = result.report();
                spec.commandLine().getOut().printf("generated from %s: %d files (%d written, %d unchanged, %d stale removed)%n",
                        name, report.total(), report.written().size(), report.unchanged().size(), report.deleted().size());
            }
            return 0;
        } catch (ContractException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return SwitchboardCli.FAILED;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("generation failed: " + e.getMessage());
            return SwitchboardCli.FAILED;
        }
    }

    /** A jar is named by its file name in positions and headers, as coordinates are in the plugin. */
    private static ImportedContract imported(Path file) {
        return file.getFileName().toString().endsWith(".jar")
                ? ImportedContract.artifact(file.getFileName().toString(), file)
                : ImportedContract.file(file);
    }
}
