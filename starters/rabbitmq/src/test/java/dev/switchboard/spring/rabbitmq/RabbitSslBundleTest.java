package dev.switchboard.spring.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.support.TestCertificate;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code spring.rabbitmq.ssl.bundle} reaches Switchboard's connections: TLS through a proxy that
 * terminates it in front of the local RabbitMQ (127.0.0.1:5672, which fails this test when down),
 * with a certificate generated for this run. The bundle that trusts it connects; a client without a
 * bundle, or with one trusting another certificate, fails the handshake.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RabbitSslBundleTest {

    private TestCertificate server;
    private TestCertificate stranger;
    private TlsTerminatingProxy proxy;

    @BeforeAll
    void startProxy(@TempDir Path certificates) throws Exception {
        server = TestCertificate.selfSigned(certificates, "rabbit-proxy");
        stranger = TestCertificate.selfSigned(certificates, "stranger");
        proxy = new TlsTerminatingProxy(server.serverContext(), new InetSocketAddress("127.0.0.1", 5672));
    }

    @AfterAll
    void stopProxy() {
        proxy.close();
    }

    private String[] throughTheProxy(String... more) {
        String[] common = {"spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=" + proxy.port(),
                "spring.rabbitmq.ssl.enabled=true", "spring.rabbitmq.connection-timeout=5s",
                "spring.ssl.bundle.pem.rabbit-proxy.truststore.certificate=file:" + server.certificate(),
                "spring.ssl.bundle.pem.stranger.truststore.certificate=file:" + stranger.certificate()};
        return Stream.concat(Stream.of(common), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void theBundleTrustingTheProxysCertificateCarriesPublishAndConsumeOverTls() throws Exception {
        int before = proxy.handshakes();
        try (ConfigurableApplicationContext context = RabbitTestApplication.start(
                throughTheProxy("spring.rabbitmq.ssl.bundle=rabbit-proxy"))) {
            RabbitTestApplication.roundTrip(context);
        }
        assertThat(proxy.handshakes()).as("TLS sessions through the proxy").isGreaterThan(before);
    }

    @Test
    void withoutTheBundleTheJvmsDefaultTrustRefusesTheHandshake() throws Exception {
        assertHandshakeFails(throughTheProxy());
    }

    @Test
    void aBundleTrustingAnotherCertificateRefusesTheHandshake() throws Exception {
        assertHandshakeFails(throughTheProxy("spring.rabbitmq.ssl.bundle=stranger"));
    }

    private void assertHandshakeFails(String... properties) throws Exception {
        int failedBefore = proxy.failedHandshakes();
        try (ConfigurableApplicationContext context = RabbitTestApplication.start(properties)) {
            MessageTransport transport = context.getBean(MessageTransport.class);
            Message never = new Message("never", "dev.switchboard.test.ping", "RabbitStarterTest", null, Instant.now(),
                    "text/plain", Map.of(), new byte[0]);
            assertThatThrownBy(() -> transport.publish("starter.rabbit.never", never).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .satisfies(failure -> assertThat(causes(failure)).hasAtLeastOneElementOfType(SSLHandshakeException.class));
        }
        // The proxy counts the refusal on its own thread, which may learn of it after the client did.
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (proxy.failedHandshakes() == failedBefore && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        assertThat(proxy.failedHandshakes()).as("handshakes the proxy saw refused").isGreaterThan(failedBefore);
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }
}
