package dev.switchboard.contract;

import dev.switchboard.contract.check.ContractValidator;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.read.ContractReader;
import dev.switchboard.contract.read.Problems;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a contract file into a validated {@link ServiceContract}. The pipeline: YAML syntax (fails
 * fast on the first syntax error), then {@link ContractReader} (structure), then
 * {@link ContractValidator} (names, tags, references, routes, policies); every problem of the last
 * two steps is collected and thrown at once.
 */
public final class ContractLoader {

    private ContractLoader() {}

    /**
     * Loads and validates a contract file; positions name the file as {@code file.toString()}.
     *
     * @throws ContractException    with every problem, when the contract is invalid
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ServiceContract load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract " + file, e);
        }
        return parse(file.toString(), text);
    }

    /**
     * Parses and validates contract text.
     *
     * @param fileName the name positions carry, e.g. {@code src/main/contract/orders.yaml}
     * @throws ContractException with every problem, when the contract is invalid
     */
    public static ServiceContract parse(String fileName, String yamlText) {
        Problems problems = new Problems(fileName);
        Node root = compose(fileName, yamlText);
        if (root == null) {
            problems.add(new Position(fileName, 1, 1), "the contract is empty",
                    "start with switchboard: 1, service: <Name> and package: <java.package>");
            throw new ContractException(problems.sorted());
        }
        ContractReader.Result result = new ContractReader(problems).read(root);
        if (result != null) {
            new ContractValidator(result.contract(), result.locations(), problems).validate();
        }
        if (!problems.isEmpty()) {
            throw new ContractException(problems.sorted());
        }
        return result.contract();
    }

    private static Node compose(String fileName, String yamlText) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        try {
            return new Yaml(options).compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position position = mark == null ? new Position(fileName, 1, 1)
                    : new Position(fileName, mark.getLine() + 1, mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            if (e.getProblem() != null && e.getContext() != null && e.getContext().startsWith("expected")) {
                problem = e.getContext() + ", " + e.getProblem();  // "expected a single document..., but found..."
            }
            throw syntaxError(position, problem);
        } catch (YAMLException e) {
            throw syntaxError(new Position(fileName, 1, 1), e.getMessage());
        }
    }

    private static ContractException syntaxError(Position position, String problem) {
        return new ContractException(List.of(new ContractProblem(position,
                "the file is not valid YAML: " + problem,
                "fix the YAML syntax here: indent with spaces (no tabs), put a space after each colon, quote values"
                        + " that contain ': ' or start with { [ * & ! | > % @")));
    }
}
