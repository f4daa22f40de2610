package dev.switchboard.it.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.grpc.server.ScriptedOrders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An independent client: Node's {@code @grpc/grpc-js} with {@code @grpc/proto-loader}, reading
 * only the exported {@code .proto}, calls the running service. The test installs what it needs
 * with npm and fails (it does not skip) when Node or npm cannot run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeClientTest {

    private static final Path WORK = Path.of("target", "node-interop");
    private static final Path PROTO = Path.of("target", "classes", "META-INF", "switchboard", "orders", "orders.proto");

    private Services.Server server;

    @BeforeAll
    void install() throws Exception {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "client.js")) {
            try (InputStream in = NodeClientTest.class.getResourceAsStream("/node/" + file)) {
                Files.copy(in, WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/@grpc/grpc-js"))) {
            Result npm = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), 300);
            assertThat(npm.exit()).as("npm install failed:\n%s", npm.output()).isZero();
        }
        server = Services.server(Map.of());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void grpcJsCallsTheServiceFromTheExportedProto() throws Exception {
        Result node = run(List.of("node", "client.js", PROTO.toAbsolutePath().toString(), server.address()), 60);

        assertThat(node.exit()).as("node failed:\n%s", node.output()).isZero();
        assertThat(node.output())
                .contains("\"kind\":\"created\"", "\"customerId\":\"node-1\"", "\"sku\":\"apple\"", "\"quantity\":3",
                        "\"note\":\"from node\"", "\"status\":\"ORDER_STATUS_PENDING\"")
                .contains("\"kind\":\"found\"")
                .contains("\"kind\":\"missing\",\"value\":{\"code\":5,\"details\":\"order missing-7 not found\"}")
                .contains("\"kind\":\"watched\",\"value\":[\"w-1\",\"w-2\",\"w-3\"]");
        ScriptedOrders orders = server.context().getBean(ScriptedOrders.class);
        assertThat(orders.calls("createOrder")).isEqualTo(1);
        assertThat(orders.calls("getOrder")).isEqualTo(2);
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {}
}
