package dev.switchboard.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.support.TestCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An independent client on a secured service: Node's {@code @grpc/grpc-js}, from the exported
 * {@code .proto} alone, over TLS (trusting the server's certificate) with a bearer token in its
 * metadata. The test installs what it needs with npm and fails (it does not skip) when Node or npm
 * cannot run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeClientTest {

    private static final Path WORK = Path.of("target", "node-interop");
    private static final Path PROTO = Path.of("target", "classes", "META-INF", "switchboard", "ledger", "ledger.proto");

    private TokenIssuer issuer;
    private TestCertificate certificate;
    private Ledgers.Ledger ledger;

    @BeforeAll
    void start() throws Exception {
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
        issuer = new TokenIssuer();
        Path certificates = Files.createTempDirectory(WORK.toAbsolutePath(), "certificates");
        certificate = TestCertificate.selfSigned(certificates, "server");
        Map<String, String> properties = new HashMap<>(issuer.resourceServer());
        properties.putAll(certificate.presentingBundle("server"));
        properties.put("spring.grpc.server.ssl.bundle", "server");
        ledger = Ledgers.start(properties);
    }

    @AfterAll
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void grpcJsCallsTheSecuredServiceOverTlsWithABearerToken() throws Exception {
        Result node = run(List.of("node", "client.js", PROTO.toAbsolutePath().toString(),
                "localhost:" + ledger.grpcPort(), certificate.certificate().toAbsolutePath().toString(),
                issuer.token("node-client", "ledger:read")), 60);

        assertThat(node.exit()).as("node failed:\n%s", node.output()).isZero();
        assertThat(node.output())
                .contains("{\"kind\":\"identity\",\"value\":{\"scopes\":[\"ledger:read\"],\"subject\":\"node-client\"")
                .contains("{\"kind\":\"anonymous\",\"value\":{\"code\":16}}")
                .contains("\"kind\":\"ping\"");
        assertThat(ledger.ledger().calls("whoAmI")).isEqualTo(1);
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
