package dev.switchboard.codegen.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contract.compat.CompatReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatRunTest {

    private static final String V1 = """
            switchboard: 1
            service: Ledger
            package: com.example.ledger
            version: 1.0.0
            types:
              Entry:
                fields:
                  id:   { type: string, tag: 1 }
                  memo: { type: string, tag: 2, optional: true }
            operations:
              getEntry:
                input: Entry
                output: Entry
            """;

    @TempDir
    Path directory;

    private Path write(String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void comparesWithAContractFileAndWritesTheReport() throws IOException {
        Path baseline = write("v1.yaml", V1);
        Path current = write("service.yaml", V1.replace("memo: { type: string, tag: 2", "memo: { type: string, tag: 3"));
        Path report = directory.resolve("out/compat-report.json");

        CompatReport result = CompatRun.run(current, "service.yaml", "v1.yaml", baseline, report);

        assertThat(result.hasBreaking()).isTrue();
        assertThat(Files.readString(report)).contains("\"breaking\": 1", "\"rule\": \"field-tag-changed\"",
                "\"position\": \"service.yaml:9:7\"", "\"affects\": [\"GRPC\"]");
        assertThat(CompatRun.lines("v1.yaml", result).get(0))
                .isEqualTo("Switchboard compat against v1.yaml: 1 breaking, 0 compatible change(s)");
    }

    @Test
    void readsTheContractPackagedInAServiceJar() throws IOException {
        Path jar = directory.resolve("ledger-1.0.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry(ServiceJar.contractEntry("Ledger")));
            zip.write(V1.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path current = write("service.yaml", V1.replace("version: 1.0.0", "version: 1.1.0"));

        CompatReport result = CompatRun.run(current, "service.yaml", "com.example:ledger:1.0", jar, directory.resolve("report.json"));

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aJarWithoutTheContractSaysWhatIsMissing() throws IOException {
        Path jar = directory.resolve("other.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("README"));
            zip.closeEntry();
        }
        Path current = write("service.yaml", V1);

        assertThatThrownBy(() -> CompatRun.run(current, "service.yaml", "com.example:other:1.0", jar, directory.resolve("r.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carries no META-INF/switchboard/ledger/contract.yaml");
    }
}
