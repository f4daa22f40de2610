package dev.switchboard.codegen.build;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.SwitchboardGenerator;
import dev.switchboard.codegen.writer.GeneratedFileWriter;
import dev.switchboard.codegen.writer.WriteReport;
import dev.switchboard.contract.ContractException;
import dev.switchboard.contract.ContractLoader;
import dev.switchboard.contract.ContractProblem;
import dev.switchboard.contract.Position;
import dev.switchboard.contract.model.ServiceContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the generate goal, free of Maven API so it can be tested directly: skip when nothing
 * changed, otherwise load every contract (collecting all problems of all files), generate and write.
 */
public final class Generation {

    static final String FINGERPRINT_FILE = "generate.sha256";

    private Generation() {}

    /**
     * @throws ContractException with the problems of every contract when any is invalid
     */
    public static GenerationResult run(GenerateRequest request) {
        Path fingerprintFile = request.stateDirectory().resolve(FINGERPRINT_FILE);
        String fingerprint = Fingerprint.of(request);
        if (fingerprint.equals(readIfPresent(fingerprintFile)) && outputsIntact(request)) {
            return new GenerationResult(GenerationResult.Outcome.SKIPPED_UNCHANGED, null);
        }

        List<ContractInput> inputs = loadAll(request);
        List<GeneratedFile> files = new ArrayList<>(new SwitchboardGenerator().generate(inputs));
        files.add(packagedContract(request, inputs.get(0).contract()));
        WriteReport report = new GeneratedFileWriter(request.sourceDirectory(), request.resourceDirectory()).write(files);
        write(fingerprintFile, fingerprint);
        return new GenerationResult(GenerationResult.Outcome.GENERATED, report);
    }

    private static GeneratedFile packagedContract(GenerateRequest request, ServiceContract contract) {
        try {
            return new GeneratedFile(GeneratedFile.Kind.RESOURCE, ServiceJar.contractEntry(contract.service()),
                    Files.readString(request.contract()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + request.contract(), e);
        }
    }

    private static List<ContractInput> loadAll(GenerateRequest request) {
        List<ContractProblem> problems = new ArrayList<>();
        List<ContractInput> inputs = new ArrayList<>();
        load(request, request.contract(), request.roles(), problems, inputs);
        for (ImportedContract imported : request.imports()) {
            if (imported.isArtifact()) {
                loadFromJar(request, imported, problems, inputs);
            } else {
                load(request, imported.file(), request.importRoles(), problems, inputs);
            }
        }
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
        return inputs;
    }

    private static void load(
            GenerateRequest request, Path file, Set<Role> roles, List<ContractProblem> problems, List<ContractInput> inputs) {
        if (!Files.isRegularFile(file)) {
            problems.add(new ContractProblem(new Position(file.toString(), 1, 1), "contract file not found",
                    "create it, or point the plugin's <contract>/<imports> at the right file"));
            return;
        }
        try {
            ServiceContract contract = ContractLoader.load(file);
            inputs.add(new ContractInput(contract, sourceName(request.baseDirectory(), file), roles,
                    request.transports()));
        } catch (ContractException e) {
            problems.addAll(e.problems());
        }
    }

    /** The one contract an imported service jar carries, named {@code groupId:artifactId:version!/entry}. */
    private static void loadFromJar(
            GenerateRequest request, ImportedContract imported, List<ContractProblem> problems, List<ContractInput> inputs) {
        Map<String, String> contracts = ServiceJar.contracts(imported.file());
        Position jar = new Position(imported.coordinates(), 1, 1);
        if (contracts.size() != 1) {
            problems.add(new ContractProblem(jar, contracts.isEmpty()
                            ? "the artifact carries no Switchboard contract (META-INF/switchboard/<service>/contract.yaml)"
                            : "the artifact carries " + contracts.size() + " contracts: " + String.join(", ", contracts.keySet()),
                    contracts.isEmpty()
                            ? "import the service's own jar, built with the Switchboard plugin, which packages its contract"
                            : "import a jar that carries one service, or import the contract files"));
            return;
        }
        Map.Entry<String, String> entry = contracts.entrySet().iterator().next();
        String name = imported.coordinates() + "!/" + entry.getKey();
        try {
            inputs.add(new ContractInput(ContractLoader.parse(name, entry.getValue()), name, request.importRoles(),
                    request.transports()));
        } catch (ContractException e) {
            problems.addAll(e.problems());
        }
    }

    /** The contract's path relative to the project, '/'-separated, so generated headers are reproducible. */
    public static String sourceName(Path baseDirectory, Path file) {
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute.getFileName();
        return shown.toString().replace('\\', '/');
    }

    /** A user (or a clean of one directory) may have removed generated files: then regenerate. */
    private static boolean outputsIntact(GenerateRequest request) {
        for (Path root : List.of(request.sourceDirectory(), request.resourceDirectory())) {
            if (!Files.isRegularFile(root.resolve(GeneratedFileWriter.MANIFEST))) {
                return false;
            }
            for (String file : GeneratedFileWriter.manifest(root)) {
                if (!Files.isRegularFile(root.resolve(file))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
