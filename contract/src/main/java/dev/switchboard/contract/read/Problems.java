package dev.switchboard.contract.read;

import dev.switchboard.contract.ContractProblem;
import dev.switchboard.contract.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects the problems of one contract so that reading and validation carry on after the first
 * one and the user sees every problem at once.
 */
public final class Problems {

    private static final Comparator<ContractProblem> BY_POSITION = Comparator
            .comparingInt((ContractProblem p) -> p.position().line())
            .thenComparingInt(p -> p.position().column());

    private final String fileName;
    private final List<ContractProblem> problems = new ArrayList<>();

    public Problems(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** The 1-based position of a node's first character. */
    public Position at(Node node) {
        return new Position(fileName, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    public void add(Position position, String message, String fix) {
        problems.add(new ContractProblem(position, message, fix));
    }

    public void add(Node node, String message, String fix) {
        add(at(node), message, fix);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Every distinct problem, sorted by position; problems at one position keep their reporting order. */
    public List<ContractProblem> sorted() {
        List<ContractProblem> distinct = new ArrayList<>(new LinkedHashSet<>(problems));
        distinct.sort(BY_POSITION);
        return List.copyOf(distinct);
    }
}
