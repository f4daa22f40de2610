package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a CI job runs it: {@code java -jar switchboard-cli.jar ...} in its own process, and the Java
 * it generates compiled against the starters, as a service would compile it.
 */
class CliJarTest {

    @TempDir
    Path work;

    private record Run(int exitCode, String output) {}

    private Run cli(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("cli.jar");
        assertThat(jar).as("cli.jar, set by the build").isNotNull();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void printsItsVersionAndHelp() throws Exception {
        assertThat(cli("--version").output()).startsWith("switchboard 0.");
        Run help = cli("generate", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("--contract").contains("--import").contains("--transports");
    }

    @Test
    void aBrokenContractFailsTheJobWithEveryProblem() throws Exception {
        Run validate = cli("validate", Contracts.broken().toString());

        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.output()).contains("Monie").contains("19500").contains("VANISHED").contains("orderId");
    }

    @Test
    void whatItGeneratesCompilesAgainstTheStarters() throws Exception {
        Run generate = cli("generate", "--contract", Contracts.ledgerV1().toString(), "--out", "gen/java");
        assertThat(generate.exitCode()).as(generate.output()).isZero();

        List<String> sources;
        try (Stream<Path> files = Files.walk(work.resolve("gen/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).toList();
        }
        assertThat(sources).hasSizeGreaterThan(10);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-d", work.resolve("classes").toString(),
                "-classpath", System.getProperty("java.class.path"), "-proc:none", "--release", "17"));
        arguments.addAll(sources);
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();

        int result = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));

        assertThat(result).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(work.resolve("classes/com/example/ledger/LedgerGrpcService.class")).isRegularFile();
    }

    @Test
    void exportsTheDocumentsForOtherLanguages() throws Exception {
        Run export = cli("export", "--contract", Contracts.ledgerV1().toString(), "--out", "docs");

        assertThat(export.exitCode()).as(export.output()).isZero();
        try (Stream<Path> files = Files.list(work.resolve("docs"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("ledger.proto",
                    "openapi.yaml", "asyncapi.yaml", "grafana-dashboard.json", "prometheus-rules.yaml");
        }
    }
}
