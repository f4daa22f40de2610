package dev.switchboard.spring.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.support.TestCertificate;
import dev.switchboard.nats.NatsTransport;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.PolicyDefaults;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Switchboard's NATS connection as an estate configures it, against a real nats-server of the
 * test's own: TLS with a certificate generated here and trusted through an SSL bundle, user and
 * password, JetStream; only {@code switchboard.messaging.nats.*} and {@code spring.ssl.bundle.*}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NatsConnectionTest {

    private static final String BUNDLE = "nats-test";

    @TempDir
    static Path directory;
    private TestCertificate certificate;
    private NatsServerProcess server;

    @BeforeAll
    void startServer() throws Exception {
        certificate = TestCertificate.selfSigned(directory, "nats");
        server = NatsServerProcess.start(directory.resolve("server"), certificate);
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {}

    /** The standard properties of a TLS, user/password estate. */
    private Map<String, String> estate(String url) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.application.name", "nats-connection-test");
        properties.put("switchboard.messaging.broker", "nats");
        properties.put("switchboard.messaging.nats.url", url);
        properties.put("switchboard.messaging.nats.username", NatsServerProcess.USER);
        properties.put("switchboard.messaging.nats.password", NatsServerProcess.PASSWORD);
        properties.put("switchboard.messaging.nats.ssl.bundle", BUNDLE);
        properties.putAll(certificate.trustingBundle(BUNDLE));
        properties.put("management.endpoint.health.show-details", "always");
        return properties;
    }

    private static ConfigurableApplicationContext run(Map<String, String> properties) {
        return new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties(properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .run();
    }

    private static IndicatedHealthDescriptor natsHealth(ConfigurableApplicationContext context) {
        return (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class).healthForPath("nats");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(giveUp);
            Thread.sleep(50);
        }
    }

    @Test
    void aMessageIsPublishedAndConsumedOverTlsWithUserAndPassword() throws Exception {
        try (ConfigurableApplicationContext context = run(estate(server.url()))) {
            MessageTransport transport = context.getBean(MessageTransport.class);
            assertThat(transport).isInstanceOf(NatsTransport.class);
            String destination = "it.nats.tls." + UUID.randomUUID().toString().substring(0, 8);
            BlockingQueue<Message> received = new LinkedBlockingQueue<>();
            Message sent = new Message(UUID.randomUUID().toString(), "dev.switchboard.test.ping", "NatsTest", "k-1",
                    Instant.now(), "application/json", Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                    "{\"ping\":1}".getBytes(StandardCharsets.UTF_8));

            try (AutoCloseable subscription = transport.subscribe(new Subscription(destination,
                    Subscription.Mode.PUBLISH_SUBSCRIBE, "nats-connection-test", (message, delivery) -> received.add(message),
                    PolicyDefaults.RETRY, destination + ".dlq", 1))) {
                transport.publish(destination, sent).get(10, TimeUnit.SECONDS);
                Message got = received.poll(30, TimeUnit.SECONDS);

                assertThat(got).as("the message came back through JetStream").isNotNull();
                assertThat(got.id()).isEqualTo(sent.id());
                assertThat(got.subject()).isEqualTo("k-1");
                assertThat(got.headers()).containsEntry("traceparent", sent.headers().get("traceparent"));
                assertThat(got.payload()).isEqualTo(sent.payload());
            }
            Connection connection = context.getBean(Connection.class);
            assertThat(connection.getServerInfo().isTLSRequired()).isTrue();
            assertThat(connection.getOptions().getConnectionName()).isEqualTo("nats-connection-test");
        }
    }

    @Test
    void theHealthIsUpWithTheServersAndTheMetersCountTheTraffic() throws Exception {
        try (ConfigurableApplicationContext context = run(estate(server.url()))) {
            IndicatedHealthDescriptor health = natsHealth(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("status", "CONNECTED")
                    .containsEntry("connectedUrl", server.url())
                    .containsEntry("jetStream", true)
                    .containsEntry("server", "switchboard-test")
                    .containsKey("version");
            assertThat(health.getDetails().get("servers")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains(server.url());

            String destination = "it.nats.meters." + UUID.randomUUID().toString().substring(0, 8);
            context.getBean(MessageTransport.class).publish(destination, new Message(UUID.randomUUID().toString(),
                    "dev.switchboard.test.ping", "NatsTest", null, Instant.now(), "application/json", Map.of(),
                    "{}".getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("nats.client.messages").tags("direction", "out", "connection", "nats-connection-test")
                    .functionCounter().count()).isPositive();
            assertThat(meters.get("nats.client.bytes").tags("direction", "in").functionCounter().count()).isPositive();
            for (String name : List.of("nats.client.reconnects", "nats.client.dropped", "nats.client.errors",
                    "nats.client.exceptions", "nats.client.pings", "nats.client.requests", "nats.client.replies")) {
                assertThat(meters.get(name).functionCounter().count()).as(name).isNotNegative();
            }
            assertThat(meters.get("nats.client.connected").gauge().value()).isEqualTo(1.0);
            assertThat(meters.get("nats.client.requests.outstanding").gauge()).isNotNull();
        }
    }

    @Test
    void aWrongPasswordStopsTheStartWithTheServersReason() {
        Map<String, String> properties = estate(server.url());
        properties.put("switchboard.messaging.nats.password", "wrong");

        assertThatThrownBy(() -> run(properties).close())
                .hasMessageContaining("cannot connect to NATS at [" + server.url() + "]")
                .rootCause().hasMessageContaining("Authorization Violation");
    }

    @Test
    void withoutTheBundleTheServersCertificateIsNotTrusted() {
        Map<String, String> properties = estate(server.url());
        properties.remove("switchboard.messaging.nats.ssl.bundle");
        properties.put("switchboard.messaging.nats.url", server.url().replace("nats://", "tls://"));

        assertThatThrownBy(() -> run(properties).close())
                .hasMessageContaining("cannot connect to NATS at [" + properties.get("switchboard.messaging.nats.url") + "]")
                .hasMessageContaining("unable to find valid certification path");
    }

    @Test
    void theServerListConnectsToTheServerThatAnswers() throws Exception {
        Map<String, String> properties = estate("unused");
        properties.remove("switchboard.messaging.nats.url");
        String closed = "nats://127.0.0.1:" + NatsServerProcess.freePort();
        properties.put("switchboard.messaging.nats.servers", closed + "," + server.url());

        try (ConfigurableApplicationContext context = run(properties)) {
            Connection connection = context.getBean(Connection.class);
            assertThat(connection.getConnectedUrl()).isEqualTo(server.url());
            assertThat(natsHealth(context).getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void theHealthGoesDownWhenTheServerStopsAndUpWhenItIsBack() throws Exception {
        try (NatsServerProcess own = NatsServerProcess.start(directory.resolve("stopping"), certificate);
                ConfigurableApplicationContext context = run(estate(own.url()))) {
            assertThat(natsHealth(context).getStatus()).isEqualTo(Status.UP);

            own.stop();
            // One snapshot for both: while the server shuts down the client may reconnect to it for a moment
            // (CI saw DOWN, then CONNECTED on the next read); once the process is gone, DOWN stays.
            await("health DOWN, disconnected or reconnecting", () -> {
                IndicatedHealthDescriptor health = natsHealth(context);
                return health.getStatus().equals(Status.DOWN)
                        && List.of("DISCONNECTED", "RECONNECTING").contains(health.getDetails().get("status"));
            });
            assertThat(context.getBean(MeterRegistry.class).get("nats.client.connected").gauge().value()).isZero();

            own.start();
            await("health UP again", () -> natsHealth(context).getStatus().equals(Status.UP));
            assertThat(context.getBean(MeterRegistry.class).get("nats.client.reconnects").functionCounter().count())
                    .isGreaterThanOrEqualTo(1);
        }
    }
}
