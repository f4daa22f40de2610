package dev.switchboard.cli;

import dev.switchboard.contract.ContractException;
import dev.switchboard.contract.ContractLoader;
import dev.switchboard.contract.ContractProblem;
import dev.switchboard.contract.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Every problem of every contract at once, each as {@code file:line:column: what — fix}, as the plugin reports them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks contracts and lists every problem as file:line:column: what is wrong — what to write.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "CONTRACT", description = "Contract files (service.yaml).")
    private List<Path> contracts;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<ContractProblem> problems = new ArrayList<>();
        for (Path contract : contracts) {
            if (!Files.isRegularFile(contract)) {
                problems.add(new ContractProblem(new Position(contract.toString(), 1, 1), "contract file not found",
                        "check the path"));
                continue;
            }
            try {
                ContractLoader.load(contract);
            } catch (ContractException e) {
                problems.addAll(e.problems());
            }
        }
        if (problems.isEmpty()) {
            spec.commandLine().getOut().printf("%d contract(s) valid%n", contracts.size());
            return 0;
        }
        problems.forEach(problem -> spec.commandLine().getErr().println(problem));
        spec.commandLine().getErr().printf("%d problem(s)%n", problems.size());
        return SwitchboardCli.FAILED;
    }
}
