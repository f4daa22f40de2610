package dev.switchboard.cli;

import dev.switchboard.codegen.build.CompatRun;
import dev.switchboard.codegen.build.Generation;
import dev.switchboard.contract.ContractException;
import dev.switchboard.contract.compat.CompatReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The plugin's compat goal: every change against a baseline, breaking ones first, failing unless allowed. */
@Command(name = "compat", mixinStandardHelpOptions = true,
        description = "Compares a contract with a baseline (a contract file or a released service jar).")
final class CompatCommand implements Callable<Integer> {

    @Option(names = "--contract", required = true, paramLabel = "FILE", description = "The contract as it is now.")
    private Path contract;

    @Option(names = "--baseline", required = true, paramLabel = "FILE|JAR",
            description = "The released contract, or the released service jar that carries it.")
    private Path baseline;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "compat-report.json",
            description = "Where the machine-readable report goes (default: ${DEFAULT-VALUE}).")
    private Path report;

    @Option(names = "--allow-breaking", description = "Report breaking changes without failing (a major version).")
    private boolean allowBreaking;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(baseline)) {
            throw new ParameterException(spec.commandLine(), "--baseline " + baseline + " is not a file");
        }
        CompatReport result;
        try {
            result = CompatRun.run(contract, Generation.sourceName(Path.of("").toAbsolutePath(), contract),
                    baseline.toString(), baseline, report);
        } catch (ContractException | IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return SwitchboardCli.FAILED;
        }
        List<String> lines = CompatRun.lines(baseline.toString(), result);
        if (!result.hasBreaking() || allowBreaking) {
            lines.forEach(spec.commandLine().getOut()::println);
            if (result.hasBreaking()) {
                spec.commandLine().getOut().println("breaking changes allowed (--allow-breaking)");
            }
            return 0;
        }
        lines.forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().println("Keep the old shape (reserve removed tags, add instead of change), or, for an"
                + " intentional major version, pass --allow-breaking.");
        return SwitchboardCli.FAILED;
    }
}
