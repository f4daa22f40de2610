package dev.switchboard.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.it.security.ledger.Identity;
import dev.switchboard.it.security.ledger.LedgerGrpc;
import dev.switchboard.it.security.ledger.WhoAmIRequest;
import dev.switchboard.it.support.TestCertificate;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and mTLS through Spring SSL bundles: the downstream ledger serves REST ({@code server.ssl.*})
 * and gRPC ({@code spring.grpc.server.ssl.*}) and requires a client certificate on both; the front
 * ledger's generated clients present theirs ({@code spring.http.serviceclient.ledger.ssl.bundle},
 * {@code spring.grpc.client.channels.<name>.ssl.bundle}). The certificate's CN is the caller, with
 * the scopes {@code switchboard.security.certificates.<cn>} grants. A client without one is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {

    @TempDir
    static Path certificates;

    private TestCertificate serverCertificate;
    private TokenIssuer issuer;
    private Ledgers.Ledger downstream;
    private Ledgers.Ledger overRest;
    private Ledgers.Ledger overGrpc;

    @BeforeAll
    void start() throws Exception {
        serverCertificate = TestCertificate.selfSigned(certificates, "server");
        TestCertificate clientCertificate = TestCertificate.selfSigned(certificates, "client");
        issuer = new TokenIssuer();

        Map<String, String> server = new HashMap<>(issuer.resourceServer());
        server.putAll(serverCertificate.presentingBundle("server"));
        server.put("spring.ssl.bundle.pem.server.truststore.certificate", "file:" + clientCertificate.certificate());
        server.put("server.ssl.bundle", "server");
        server.put("server.ssl.client-auth", "need");
        server.put("spring.grpc.server.ssl.bundle", "server");
        server.put("spring.grpc.server.ssl.client-auth", "require");
        // TestCertificate names every certificate CN=localhost: the client's is the caller "localhost".
        server.put("switchboard.security.certificates.localhost", "ledger:read");
        downstream = Ledgers.start(server);

        Map<String, String> client = new HashMap<>(issuer.resourceServer());
        client.putAll(clientCertificate.presentingBundle("client"));
        client.putAll(serverCertificate.trustingBundle("client"));
        Map<String, String> rest = new HashMap<>(client);
        rest.put("switchboard.services.ledger.client.base-url", "https://localhost:" + downstream.httpPort());
        rest.put("spring.http.serviceclient.ledger.ssl.bundle", "client");
        overRest = Ledgers.start(rest);
        Map<String, String> grpc = new HashMap<>(client);
        grpc.put("switchboard.services.ledger.client.transport", "grpc");
        grpc.put("switchboard.services.ledger.client.address", "ledger-tls");
        grpc.put("spring.grpc.client.channels.ledger-tls.address", "static://localhost:" + downstream.grpcPort());
        grpc.put("spring.grpc.client.channels.ledger-tls.ssl.bundle", "client");
        overGrpc = Ledgers.start(grpc);
    }

    @AfterAll
    void stop() {
        for (Ledgers.Ledger ledger : new Ledgers.Ledger[] {overGrpc, overRest, downstream}) {
            if (ledger != null) {
                ledger.close();
            }
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void restClientPresentsItsCertificateAndIsTheCallerItNames() throws Exception {
        assertCalledAsCertificate(overRest);
    }

    @Test
    void grpcChannelPresentsItsCertificateAndIsTheCallerItNames() throws Exception {
        assertCalledAsCertificate(overGrpc);
    }

    private void assertCalledAsCertificate(Ledgers.Ledger front) throws Exception {
        HttpResponse<String> answer = Http.post(front, "/relay", "{}", issuer.token("alice", "ledger:relay"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(Http.json(answer).get("subject").asString()).isEqualTo("localhost");
        assertThat(Http.json(answer).get("scopes").toString()).isEqualTo("[\"ledger:read\"]");
    }

    @Test
    void restClientWithoutACertificateIsRefused() throws Exception {
        HttpClient trustingOnly = HttpClient.newBuilder().sslContext(trusting(serverCertificate.certificate())).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("https://localhost:" + downstream.httpPort() + "/ping"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        assertThatThrownBy(() -> trustingOnly.send(ping, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void grpcClientWithoutACertificateIsRefused() throws Exception {
        ManagedChannel channel = Grpc.newChannelBuilder("localhost:" + downstream.grpcPort(),
                TlsChannelCredentials.newBuilder().trustManager(serverCertificate.certificate().toFile()).build())
                .build();
        try {
            StatusRuntimeException refused = catchThrowableOfType(
                    StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(channel, LedgerGrpc.PING,
                            CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new WhoAmIRequest(null)));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void tokenOverMutualTlsNamesTheCallerBeforeTheCertificate() throws Exception {
        // A call with both a client certificate and a bearer token is the token's subject.
        ManagedChannel channel = Grpc.newChannelBuilder("localhost:" + downstream.grpcPort(),
                TlsChannelCredentials.newBuilder()
                        .keyManager(certificates.resolve("client.pem").toFile(),
                                certificates.resolve("client.key").toFile())
                        .trustManager(serverCertificate.certificate().toFile()).build())
                .intercept(MetadataUtils.newAttachHeadersInterceptor(bearer(issuer.token("zoe", "ledger:read"))))
                .build();
        try {
            Identity identity = ClientCalls.blockingUnaryCall(channel, LedgerGrpc.WHO_AM_I,
                    CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new WhoAmIRequest(null));
            assertThat(identity.subject()).isEqualTo("zoe");
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Metadata bearer(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return headers;
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
