package dev.switchboard.codegen.java;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.RichContract;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.SwitchboardGenerator;
import dev.switchboard.codegen.Transport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rich contract generated for builds that select one transport, or none, each compiled
 * against the test classpath without what that build would not have: a REST-only build has no
 * gRPC, a gRPC-only one no Spring Web and no switchboard-rest, a queue-only one neither.
 */
final class TransportSelections {

    /** Packages that only a transport's own modules bring. */
    static final List<String> GRPC_PACKAGES = List.of("io/grpc", "dev/switchboard/grpc", "org/springframework/grpc");
    static final List<String> REST_PACKAGES = List.of("dev/switchboard/rest", "org/springframework/web");

    /** One build's selection, what it generates, and that output compiled without the other modules. */
    record Selection(String name, List<GeneratedFile> files, List<String> withoutPackages) {

        List<String> sourcePaths() {
            return files.stream().filter(file -> file.kind() == GeneratedFile.Kind.SOURCE)
                    .map(GeneratedFile::relativePath).toList();
        }

        InProcessCompiler.Result compile() {
            Map<String, String> sources = new LinkedHashMap<>();
            files.stream().filter(file -> file.kind() == GeneratedFile.Kind.SOURCE)
                    .forEach(file -> sources.put(file.relativePath(), file.content()));
            return InProcessCompiler.compile(sources, Path.of("target", "compiled-" + name), List.of(), withoutPackages);
        }
    }

    private static Selection restOnly;
    private static Selection grpcOnly;
    private static Selection queueOnly;

    private TransportSelections() {}

    static synchronized Selection restOnly() {
        if (restOnly == null) {
            restOnly = selection("rest-only", EnumSet.allOf(Role.class), EnumSet.of(Transport.REST), GRPC_PACKAGES);
        }
        return restOnly;
    }

    static synchronized Selection grpcOnly() {
        if (grpcOnly == null) {
            grpcOnly = selection("grpc-only", EnumSet.allOf(Role.class), EnumSet.of(Transport.GRPC), REST_PACKAGES);
        }
        return grpcOnly;
    }

    /** Publisher and consumer with no transport at all: messaging needs only the runtime. */
    static synchronized Selection queueOnly() {
        if (queueOnly == null) {
            List<String> neither = new ArrayList<>(GRPC_PACKAGES);
            neither.addAll(REST_PACKAGES);
            queueOnly = selection("queue-only", EnumSet.of(Role.PUBLISHER, Role.CONSUMER),
                    EnumSet.noneOf(Transport.class), neither);
        }
        return queueOnly;
    }

    private static Selection selection(String name, Set<Role> roles, Set<Transport> transports, List<String> without) {
        ContractInput input = new ContractInput(RichContract.contract(), RichContract.SOURCE_NAME, roles, transports);
        return new Selection(name, new SwitchboardGenerator().generate(List.of(input)), without);
    }
}
