package dev.switchboard.cli;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.SwitchboardGenerator;
import dev.switchboard.codegen.Transport;
import dev.switchboard.codegen.build.Generation;
import dev.switchboard.contract.ContractException;
import dev.switchboard.contract.ContractLoader;
import dev.switchboard.contract.model.ServiceContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The documents alone, for teams outside Java: the .proto for other languages, OpenAPI, AsyncAPI, the Grafana
 * dashboard and the Prometheus rules, written flat into one directory.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a contract's documents: .proto, OpenAPI, AsyncAPI, Grafana dashboard, Prometheus rules.")
final class ExportCommand implements Callable<Integer> {

    /** The documents, by the file names the generators give them. */
    enum Format {
        PROTO(".proto"), OPENAPI("openapi.yaml"), ASYNCAPI("asyncapi.yaml"), GRAFANA("grafana-dashboard.json"),
        PROMETHEUS("prometheus-rules.yaml");

        private final String fileSuffix;

        Format(String fileSuffix) {
            this.fileSuffix = fileSuffix;
        }

        boolean writes(String fileName) {
            return fileName.endsWith(fileSuffix);
        }
    }

    @Option(names = "--contract", required = true, paramLabel = "FILE", description = "The contract to export.")
    private Path contract;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the documents go.")
    private Path out;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "Any of proto, openapi, asyncapi, grafana, prometheus (default: all).")
    private Set<Format> formats = EnumSet.allOf(Format.class);

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ServiceContract service;
        try {
            service = ContractLoader.load(contract);
        } catch (ContractException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return SwitchboardCli.FAILED;
        }
        ContractInput input = new ContractInput(service, Generation.sourceName(Path.of("").toAbsolutePath(), contract),
                EnumSet.of(Role.SERVER, Role.PUBLISHER), EnumSet.allOf(Transport.class));
        List<GeneratedFile> documents = new SwitchboardGenerator().generate(List.of(input)).stream()
                .filter(file -> file.kind() == GeneratedFile.Kind.RESOURCE)
                .filter(file -> file.relativePath().startsWith("META-INF/switchboard/"))
                .filter(file -> formats.stream().anyMatch(format -> format.writes(file.relativePath())))
                .toList();
        for (GeneratedFile document : documents) {
            String name = document.relativePath().substring(document.relativePath().lastIndexOf('/') + 1);
            write(out.resolve(name), document.content());
            spec.commandLine().getOut().println(out.resolve(name));
        }
        if (documents.isEmpty()) {
            spec.commandLine().getErr().printf("%s has nothing to export as %s%n", contract,
                    formats.stream().map(format -> format.name().toLowerCase(Locale.ROOT)).toList());
            return SwitchboardCli.FAILED;
        }
        return 0;
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
