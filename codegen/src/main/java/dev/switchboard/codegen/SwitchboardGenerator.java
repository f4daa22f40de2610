package dev.switchboard.codegen;

import dev.switchboard.codegen.grpc.GrpcClientGenerator;
import dev.switchboard.codegen.grpc.GrpcConfigurationGenerator;
import dev.switchboard.codegen.grpc.GrpcDescriptorsGenerator;
import dev.switchboard.codegen.grpc.GrpcServiceGenerator;
import dev.switchboard.codegen.java.ClientFallbackGenerator;
import dev.switchboard.codegen.messaging.HandlerGenerator;
import dev.switchboard.codegen.messaging.MessagesGenerator;
import dev.switchboard.codegen.messaging.MessagingConfigurationGenerator;
import dev.switchboard.codegen.messaging.PublisherGenerator;
import dev.switchboard.codegen.java.ClientInterfaceGenerator;
import dev.switchboard.codegen.java.EnumGenerator;
import dev.switchboard.codegen.java.OperationsGenerator;
import dev.switchboard.codegen.java.ErrorExceptionGenerator;
import dev.switchboard.codegen.java.RecordGenerator;
import dev.switchboard.codegen.java.ServiceInterfaceGenerator;
import dev.switchboard.codegen.protobuf.ProtoCodecGenerator;
import dev.switchboard.codegen.rest.RestClientGenerator;
import dev.switchboard.codegen.rest.RestConfigurationGenerator;
import dev.switchboard.codegen.rest.RestControllerGenerator;
import dev.switchboard.codegen.spec.AsyncApiGenerator;
import dev.switchboard.codegen.spec.GrafanaDashboardGenerator;
import dev.switchboard.codegen.spec.OpenApiGenerator;
import dev.switchboard.codegen.spec.PrometheusRulesGenerator;
import dev.switchboard.codegen.spec.ProtoGenerator;
import dev.switchboard.contract.ContractException;
import dev.switchboard.contract.ContractProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Runs every output generator that applies to each contract: its roles and transports decide
 * (see {@link ContractInput}). A transport adapter is one more entry in {@link #GENERATORS}.
 */
public final class SwitchboardGenerator {

    /** Files that are line lists (Spring's {@code .imports}), which several contracts may add to. */
    private static final String MERGED_LISTS = "META-INF/spring/";

    private static final List<OutputGenerator> GENERATORS = List.of(
            new RecordGenerator(),
            new EnumGenerator(),
            new ProtoCodecGenerator(),
            new ErrorExceptionGenerator(),
            new ServiceInterfaceGenerator(),
            new ClientInterfaceGenerator(),
            new OperationsGenerator(),
            new ClientFallbackGenerator(),
            new RestControllerGenerator(),
            new RestClientGenerator(),
            new RestConfigurationGenerator(),
            new GrpcDescriptorsGenerator(),
            new GrpcServiceGenerator(),
            new GrpcClientGenerator(),
            new GrpcConfigurationGenerator(),
            new MessagesGenerator(),
            new PublisherGenerator(),
            new HandlerGenerator(),
            new MessagingConfigurationGenerator(),
            new ProtoGenerator(),
            new OpenApiGenerator(),
            new AsyncApiGenerator(),
            new GrafanaDashboardGenerator(),
            new PrometheusRulesGenerator());

    /**
     * @throws ContractException when a contract's operations reach no transport of the build for a
     *                           role that needs one
     */
    public List<GeneratedFile> generate(List<ContractInput> inputs) {
        List<ContractProblem> problems = TransportCoverage.problems(inputs);
        if (!problems.isEmpty()) {
            throw new ContractException(problems);
        }
        List<GeneratedFile> files = new ArrayList<>();
        for (ContractInput input : inputs) {
            for (OutputGenerator generator : GENERATORS) {
                if (generator.appliesTo(input)) {
                    files.addAll(generator.generate(input));
                }
            }
        }
        return merged(files);
    }

    /**
     * One file per path. Spring's imports file is the one path several contracts share (each
     * lists its configuration): their lines are merged, sorted. Any other repeated path is a bug.
     */
    static List<GeneratedFile> merged(List<GeneratedFile> files) {
        Map<String, GeneratedFile> byPath = new LinkedHashMap<>();
        for (GeneratedFile file : files) {
            GeneratedFile previous = byPath.putIfAbsent(file.relativePath(), file);
            if (previous == null) {
                continue;
            }
            if (!file.relativePath().startsWith(MERGED_LISTS)) {
                throw new IllegalStateException("two generators wrote " + file.relativePath());
            }
            SortedSet<String> lines = new TreeSet<>(previous.content().lines().toList());
            lines.addAll(file.content().lines().toList());
            byPath.put(file.relativePath(), new GeneratedFile(file.kind(), file.relativePath(),
                    String.join("\n", lines) + "\n"));
        }
        return List.copyOf(byPath.values());
    }
}
