package dev.switchboard.codegen.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.Transport;
import dev.switchboard.contract.ContractException;
import dev.switchboard.contract.ContractProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationTest {

    private static final String NOTES = """
            switchboard: 1
            service: Notes
            package: com.example.notes
            types:
              Note:
                fields:
                  id: { type: string, tag: 1 }
            operations:
              getNote:
                input: Note
                output: Note
                http: GET /notes/{id}
            """;

    @TempDir
    Path project;

    private Path contract;

    @BeforeEach
    void writeContract() throws IOException {
        contract = project.resolve("src/main/switchboard/service.yaml");
        Files.createDirectories(contract.getParent());
        Files.writeString(contract, NOTES);
    }

    private GenerateRequest request(Set<Role> roles, List<Path> imports, String version) {
        return request(roles, imports, version, EnumSet.allOf(Transport.class));
    }

    private GenerateRequest request(Set<Role> roles, List<Path> imports, String version, Set<Transport> transports) {
        return requestImporting(roles, imports.stream().map(ImportedContract::file).toList(), version, transports);
    }

    private GenerateRequest requestImporting(
            Set<Role> roles, List<ImportedContract> imports, String version, Set<Transport> transports) {
        return new GenerateRequest(project, contract, roles, imports, EnumSet.of(Role.CLIENT), transports,
                project.resolve("target/gen/java"), project.resolve("target/gen/resources"),
                project.resolve("target/switchboard"), version);
    }

    private GenerateRequest request() {
        return request(EnumSet.allOf(Role.class), List.of(), "1.0");
    }

    @Test
    void generatesThenSkipsWhileNothingChanges() {
        GenerationResult first = Generation.run(request());
        assertThat(first.outcome()).isEqualTo(GenerationResult.Outcome.GENERATED);
        assertThat(project.resolve("target/gen/java/com/example/notes/Note.java")).isRegularFile();
        assertThat(project.resolve("target/gen/java/com/example/notes/NotesService.java")).isRegularFile();

        assertThat(Generation.run(request()).outcome()).isEqualTo(GenerationResult.Outcome.SKIPPED_UNCHANGED);
    }

    @Test
    void everyInputInvalidatesTheSkip() throws IOException {
        Generation.run(request());

        assertThat(Generation.run(request(EnumSet.allOf(Role.class), List.of(), "1.1")).outcome())
                .as("plugin version").isEqualTo(GenerationResult.Outcome.GENERATED);
        assertThat(Generation.run(request(EnumSet.of(Role.CLIENT), List.of(), "1.1")).outcome())
                .as("roles").isEqualTo(GenerationResult.Outcome.GENERATED);
        assertThat(project.resolve("target/gen/java/com/example/notes/NotesService.java"))
                .as("server interface is stale once the server role is gone").doesNotExist();

        Files.writeString(contract, NOTES.replace("id: { type: string, tag: 1 }", "id: { type: string, tag: 2 }"));
        assertThat(Generation.run(request(EnumSet.of(Role.CLIENT), List.of(), "1.1")).outcome())
                .as("contract bytes").isEqualTo(GenerationResult.Outcome.GENERATED);
    }

    @Test
    void aChangedTransportSelectionRegeneratesAndAnUnchangedOneSkips() {
        Set<Role> all = EnumSet.allOf(Role.class);
        Path pkg = project.resolve("target/gen/java/com/example/notes");
        Generation.run(request(all, List.of(), "1.0", EnumSet.of(Transport.REST)));
        assertThat(pkg.resolve("NotesRestController.java")).isRegularFile();
        assertThat(pkg.resolve("NotesGrpc.java")).doesNotExist();

        assertThat(Generation.run(request(all, List.of(), "1.0", EnumSet.of(Transport.REST))).outcome())
                .isEqualTo(GenerationResult.Outcome.SKIPPED_UNCHANGED);
        assertThat(Generation.run(request(all, List.of(), "1.0", EnumSet.of(Transport.GRPC))).outcome())
                .isEqualTo(GenerationResult.Outcome.GENERATED);
        assertThat(pkg.resolve("NotesGrpc.java")).isRegularFile();
        assertThat(pkg.resolve("NotesRestController.java")).as("stale once REST is gone").doesNotExist();
        assertThat(project.resolve("target/gen/resources/META-INF/switchboard/notes/openapi.yaml")).doesNotExist();
        assertThat(project.resolve("target/gen/resources/META-INF/switchboard/notes/notes.proto")).isRegularFile();
    }

    @Test
    void operationsNoSelectedTransportCarriesFailTheBuild() {
        assertThatThrownBy(() -> Generation.run(request(EnumSet.allOf(Role.class), List.of(), "1.0",
                EnumSet.noneOf(Transport.class))))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("no transport of this build serves the operations of Notes (selected: none;");
    }

    @Test
    void regeneratesWhenAGeneratedFileWentMissing() throws IOException {
        Generation.run(request());
        Files.delete(project.resolve("target/gen/java/com/example/notes/Note.java"));

        GenerationResult again = Generation.run(request());

        assertThat(again.outcome()).isEqualTo(GenerationResult.Outcome.GENERATED);
        assertThat(again.report().written()).containsExactly(project.resolve("target/gen/java/com/example/notes/Note.java"));
    }

    @Test
    void importsGenerateOnlyTheirRoles() throws IOException {
        Path inventory = project.resolve("contracts/inventory.yaml");
        Files.createDirectories(inventory.getParent());
        Files.writeString(inventory, NOTES.replace("Notes", "Inventory").replace("com.example.notes", "com.example.inventory"));

        Generation.run(request(EnumSet.allOf(Role.class), List.of(inventory), "1.0"));

        Path pkg = project.resolve("target/gen/java/com/example/inventory");
        assertThat(pkg.resolve("InventoryClient.java")).isRegularFile();
        assertThat(pkg.resolve("InventoryService.java")).doesNotExist();
        assertThat(project.resolve("target/gen/resources/META-INF/switchboard/inventory")).doesNotExist();
    }

    @Test
    void reportsTheProblemsOfEveryContractTogether() throws IOException {
        Files.writeString(contract, NOTES.replace("tag: 1", "tag: 0"));
        Path missing = project.resolve("contracts/missing.yaml");

        assertThatThrownBy(() -> Generation.run(request(EnumSet.allOf(Role.class), List.of(missing), "1.0")))
                .isInstanceOfSatisfying(ContractException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems()).map(ContractProblem::toString).anySatisfy(
                            p -> assertThat(p).startsWith(contract + ":7:").contains("tag"));
                    assertThat(e.problems()).map(ContractProblem::toString).anySatisfy(
                            p -> assertThat(p).startsWith(missing + ":1:1: contract file not found — "));
                });
        assertThat(project.resolve("target/gen")).doesNotExist();
    }

    @Test
    void importsTheContractAServiceJarCarries() throws IOException {
        Path jar = serviceJar("inventory-1.4.0.jar", "inventory", inventoryContract());
        ImportedContract inventory = ImportedContract.artifact("com.acme:inventory:1.4.0", jar);

        Generation.run(requestImporting(EnumSet.allOf(Role.class), List.of(inventory), "1.0", EnumSet.allOf(Transport.class)));

        Path client = project.resolve("target/gen/java/com/example/inventory/InventoryClient.java");
        assertThat(client).isRegularFile();
        assertThat(Files.readString(client))
                .contains("com.acme:inventory:1.4.0!/META-INF/switchboard/inventory/contract.yaml");
        assertThat(project.resolve("target/gen/java/com/example/inventory/InventoryService.java")).doesNotExist();
    }

    @Test
    void aReinstalledSnapshotRegeneratesAndAnUnchangedOneSkips() throws IOException {
        Path jar = serviceJar("inventory-1.5.0-SNAPSHOT.jar", "inventory", inventoryContract());
        List<ImportedContract> imports = List.of(ImportedContract.artifact("com.acme:inventory:1.5.0-SNAPSHOT", jar));
        Set<Role> all = EnumSet.allOf(Role.class);
        Set<Transport> transports = EnumSet.allOf(Transport.class);
        Generation.run(requestImporting(all, imports, "1.0", transports));

        assertThat(Generation.run(requestImporting(all, imports, "1.0", transports)).outcome())
                .isEqualTo(GenerationResult.Outcome.SKIPPED_UNCHANGED);
        serviceJar("inventory-1.5.0-SNAPSHOT.jar", "inventory", inventoryContract() + "# rebuilt\n");
        assertThat(Generation.run(requestImporting(all, imports, "1.0", transports)).outcome())
                .isEqualTo(GenerationResult.Outcome.GENERATED);
    }

    @Test
    void aJarWithoutAContractOrABrokenOneIsAContractProblemNamingTheCoordinates() throws IOException {
        Path empty = serviceJar("plain-1.0.jar", null, null);
        Path broken = serviceJar("broken-2.0.jar", "inventory", inventoryContract().replace("tag: 1", "tag: 0"));
        List<ImportedContract> imports = List.of(
                ImportedContract.artifact("com.acme:plain:1.0", empty),
                ImportedContract.artifact("com.acme:broken:2.0", broken));

        assertThatThrownBy(() -> Generation.run(requestImporting(EnumSet.allOf(Role.class), imports, "1.0",
                EnumSet.allOf(Transport.class))))
                .isInstanceOfSatisfying(ContractException.class, e -> {
                    assertThat(e.problems()).map(ContractProblem::toString).anySatisfy(p -> assertThat(p)
                            .startsWith("com.acme:plain:1.0:1:1: the artifact carries no Switchboard contract"));
                    assertThat(e.problems()).map(ContractProblem::toString).anySatisfy(p -> assertThat(p)
                            .startsWith("com.acme:broken:2.0!/META-INF/switchboard/inventory/contract.yaml:7:"));
                });
    }

    private static String inventoryContract() {
        return NOTES.replace("Notes", "Inventory").replace("com.example.notes", "com.example.inventory");
    }

    /** A jar like the plugin packages: the contract at META-INF/switchboard/<service>/contract.yaml. */
    private Path serviceJar(String name, String service, String contractText) throws IOException {
        Path jar = project.resolve("repo/" + name);
        Files.createDirectories(jar.getParent());
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (service != null) {
                zip.putNextEntry(new java.util.zip.ZipEntry(ServiceJar.contractEntry(service)));
                zip.write(contractText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    @Test
    void namesTheContractRelativeToTheProject() {
        assertThat(Generation.sourceName(project, contract)).isEqualTo("src/main/switchboard/service.yaml");
        assertThat(Generation.sourceName(project, Path.of("/elsewhere/x/inventory.yaml"))).isEqualTo("inventory.yaml");
    }
}
