package dev.switchboard.contract;

import static dev.switchboard.contract.Contracts.HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contract.model.EnumType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader's contract with its callers: all problems at once, in file order, or a model. */
class ContractLoaderTest {

    @Test
    void reportsAllProblemsSortedByPosition() {
        String contract = HEADER + """
                operations:
                  getOrder: { input: GetOrderRequest, output: Order }
                types:
                  Order:
                    fields:
                      id: { type: string, tag: 19500 }
                  GetOrderRequest:
                    fields:
                      id: { type: sting, tag: 1 }
                errors:
                  Missing: { code: OK }
                """;
        assertThatThrownBy(() -> ContractLoader.parse("orders.yaml", contract))
                .isInstanceOf(ContractException.class)
                .hasMessage("""
                        3 problems in contract:
                        orders.yaml:9:32: field Order.id uses tag 19500, which protobuf reserves (19000-19999) \
                        — pick a tag outside 19000-19999
                        orders.yaml:12:19: field GetOrderRequest.id refers to unknown type sting — did you mean string?
                        orders.yaml:14:20: error Missing has code OK, but OK is not an error \
                        — use the code that says what went wrong, e.g. NOT_FOUND or FAILED_PRECONDITION""");
    }

    @Test
    void exposesProblemsWithPositionsMessagesAndFixes() {
        ContractException e = (ContractException) catchThrowable(HEADER + "version: [1]\n");
        assertThat(e.problems()).containsExactly(new ContractProblem(new Position("t.yaml", 4, 10),
                "version of the contract must be a single value, not a list", "write version: <value>"));
    }

    @Test
    void failsFastOnTheFirstYamlSyntaxError() {
        String contract = HEADER + """
                types:
                  Order:
                    fields: { id: { type: string, tag: 1 }
                  Other: [
                """;
        ContractException e = (ContractException) catchThrowable(contract);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).position()).isEqualTo(new Position("t.yaml", 7, 3));
        assertThat(e.problems().get(0).message()).startsWith("the file is not valid YAML: ");
    }

    @Test
    void rejectsTabs() {
        ContractException e = (ContractException) catchThrowable(HEADER + "types:\n\tOrder: {}\n");
        assertThat(e.problems()).singleElement().hasToString("t.yaml:5:1: the file is not valid YAML: found character"
                + " '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) — fix the YAML syntax"
                + " here: indent with spaces (no tabs), put a space after each colon, quote values that contain ': '"
                + " or start with { [ * & ! | > % @");
    }

    @Test
    void loadsAFileNamingItAsGiven(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("orders.yaml");
        Files.writeString(file, HEADER + "types:\n  Order: { fields: { id: { type: strin, tag: 1 } } }\n");
        assertThatThrownBy(() -> ContractLoader.load(file))
                .isInstanceOfSatisfying(ContractException.class, e -> assertThat(e.problems().get(0).position())
                        .isEqualTo(new Position(file.toString(), 5, 34)));
        Files.writeString(file, HEADER + "types:\n  Status: { enum: { ACTIVE: 1 } }\n");
        assertThat(ContractLoader.load(file).types()).singleElement().isInstanceOf(EnumType.class);
    }

    @Test
    void reportsUnreadableFilesAsIoErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> ContractLoader.load(dir.resolve("missing.yaml")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.yaml");
    }

    @Test
    void acceptsTheSmallestContract() {
        var contract = ContractLoader.parse("t.yaml", HEADER);
        assertThat(contract.types()).isEmpty();
        assertThat(contract.operations()).isEmpty();
        assertThat(contract.version()).isNull();
    }

    @Test
    void acceptsEnumValuesWithDocsAndBlockStyleMaps() {
        var contract = ContractLoader.parse("t.yaml", HEADER + """
                types:
                  Status:
                    enum:
                      ACTIVE: { number: 1, doc: Can place orders. }
                      CLOSED: 2
                  Account:
                    fields:
                      limits:
                        type: map<string, int64>
                        tag: 1
                      quoted: { type: "map<string, Status>", tag: 2 }
                """);
        EnumType status = contract.enumTypes().get(0);
        assertThat(status.values().get(0).doc()).isEqualTo("Can place orders.");
        assertThat(contract.messageType("Account").fields())
                .extracting(f -> f.type().spelling())
                .containsExactly("map<string,int64>", "map<string,Status>");
    }

    private static Throwable catchThrowable(String contract) {
        return org.assertj.core.api.Assertions.catchThrowable(() -> ContractLoader.parse("t.yaml", contract));
    }
}
