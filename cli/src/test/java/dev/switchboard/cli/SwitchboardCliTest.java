package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command in process: what it prints, what it writes, its exit code. */
class SwitchboardCliTest {

    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SwitchboardCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void withoutACommandItSaysWhichThereAreAndExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("name a command: validate, generate, compat or export")
                .contains("Usage: switchboard");
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void validatePassesAGoodContract() {
        assertThat(run("validate", Contracts.ledgerV1().toString())).isZero();
        assertThat(out.toString()).contains("1 contract(s) valid");
    }

    @Test
    void validateListsEveryProblemOfEveryContractWithItsPosition() {
        Path missing = work.resolve("missing.yaml");

        assertThat(run("validate", Contracts.broken().toString(), missing.toString())).isEqualTo(1);

        String broken = Contracts.broken().toString();
        assertThat(err.toString().lines().filter(line -> line.startsWith(broken + ":")))
                .hasSizeGreaterThanOrEqualTo(5)
                .allMatch(line -> line.matches(".*broken\\.yaml:\\d+:\\d+: .+ — .+"))
                .anyMatch(line -> line.contains("Monie"))
                .anyMatch(line -> line.contains("VANISHED"))
                .anyMatch(line -> line.contains("orderId"));
        assertThat(err.toString()).contains(missing + ":1:1: contract file not found");
    }

    @Test
    void generateWritesSourcesAndDocumentsAndSkipsWhenNothingChanged() throws IOException {
        Path sources = work.resolve("gen/java");

        assertThat(run("generate", "--contract", Contracts.ledgerV1().toString(), "--out", sources.toString())).isZero();
        assertThat(out.toString()).contains("generated from").contains("files");
        Path ledger = sources.resolve("com/example/ledger");
        assertThat(ledger.resolve("LedgerService.java")).isRegularFile();
        assertThat(ledger.resolve("LedgerGrpcService.java")).isRegularFile();
        assertThat(work.resolve("gen/generated-resources/META-INF/switchboard/ledger/openapi.yaml")).isRegularFile();

        assertThat(run("generate", "--contract", Contracts.ledgerV1().toString(), "--out", sources.toString())).isZero();
        assertThat(out.toString()).contains("unchanged, generation skipped");
    }

    @Test
    void generateTakesRolesTransportsAndImports() throws IOException {
        Path sources = work.resolve("gen/java");

        assertThat(run("generate", "--contract", Contracts.ledgerV1().toString(), "--roles", "server",
                "--transports", "rest", "--import", Contracts.audit().toString(), "--out", sources.toString()))
                .as(err.toString()).isZero();

        try (Stream<Path> files = Files.list(sources.resolve("com/example/ledger"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .contains("LedgerRestController.java", "LedgerService.java")
                    .doesNotContain("LedgerClient.java")
                    .noneMatch(name -> name.contains("Grpc"));
        }
        assertThat(sources.resolve("com/example/audit/AuditClient.java")).isRegularFile();
        assertThat(sources.resolve("com/example/audit/AuditService.java")).doesNotExist();
    }

    @Test
    void generateRefusesAnUnknownRoleAsAUsageError() {
        assertThat(run("generate", "--contract", Contracts.ledgerV1().toString(), "--roles", "janitor",
                "--out", work.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--roles").contains("janitor");
    }

    @Test
    void compatFailsOnBreakingChangesUnlessAllowed() throws IOException {
        Path report = work.resolve("compat.json");

        assertThat(run("compat", "--baseline", Contracts.ledgerV1().toString(), "--contract", Contracts.ledgerV2().toString(),
                "--report", report.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("4 breaking").contains("BREAKING field-tag-changed Entry.amount")
                .contains("--allow-breaking");
        assertThat(Files.readString(report)).contains("\"breaking\": 4");

        assertThat(run("compat", "--baseline", Contracts.ledgerV1().toString(), "--contract", Contracts.ledgerV2().toString(),
                "--report", report.toString(), "--allow-breaking")).isZero();
        assertThat(out.toString()).contains("breaking changes allowed");
    }

    @Test
    void compatPassesAnUnchangedContract() {
        assertThat(run("compat", "--baseline", Contracts.ledgerV1().toString(), "--contract", Contracts.ledgerV1().toString(),
                "--report", work.resolve("r.json").toString())).isZero();
        assertThat(out.toString()).contains("0 breaking");
    }

    @Test
    void exportWritesTheChosenDocumentsFlat() {
        Path docs = work.resolve("docs");

        assertThat(run("export", "--contract", Contracts.ledgerV1().toString(), "--out", docs.toString(),
                "--format", "proto,openapi,grafana")).isZero();

        assertThat(docs.resolve("ledger.proto")).isRegularFile();
        assertThat(docs.resolve("openapi.yaml")).isRegularFile();
        assertThat(docs.resolve("grafana-dashboard.json")).isRegularFile();
        assertThat(docs.resolve("asyncapi.yaml")).doesNotExist();
        assertThat(docs.resolve("contract.yaml")).doesNotExist();
    }

    @Test
    void exportOfABrokenContractListsItsProblems() {
        assertThat(run("export", "--contract", Contracts.broken().toString(), "--out", work.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Monie");
    }
}
