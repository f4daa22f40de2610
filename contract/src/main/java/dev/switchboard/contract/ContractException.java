package dev.switchboard.contract;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown once with every problem of a contract, so users fix them all in one pass. */
public final class ContractException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ContractProblem> problems;

    public ContractException(List<ContractProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ContractProblem> problems() {
        return problems;
    }

    private static String render(List<ContractProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in contract:\n"
                + problems.stream().map(ContractProblem::toString).collect(Collectors.joining("\n"));
    }
}
