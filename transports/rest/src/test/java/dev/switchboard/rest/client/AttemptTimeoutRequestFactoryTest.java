package dev.switchboard.rest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * Each client's requests take the timeout of the attempt that creates them, against a real server
 * that answers after {@code ?after=} milliseconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttemptTimeoutRequestFactoryTest {

    private HttpServer server;

    @BeforeAll
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            try {
                Thread.sleep(Long.parseLong(query.substring("after=".length())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "answered".getBytes(StandardCharsets.UTF_8);
            try {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException gone) {
                // The client gave up first.
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    static Stream<Arguments> clients() {
        return Stream.of(
                Arguments.of("JDK", (Supplier<ClientHttpRequestFactory>) JdkClientHttpRequestFactory::new),
                Arguments.of("Apache HttpClient", (Supplier<ClientHttpRequestFactory>) HttpComponentsClientHttpRequestFactory::new),
                Arguments.of("Jetty", (Supplier<ClientHttpRequestFactory>) JettyClientHttpRequestFactory::new),
                Arguments.of("Reactor Netty", (Supplier<ClientHttpRequestFactory>) ReactorClientHttpRequestFactory::new),
                Arguments.of("simple", (Supplier<ClientHttpRequestFactory>) SimpleClientHttpRequestFactory::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void concurrentAttemptsEachKeepTheirOwnTimeout(String client, Supplier<ClientHttpRequestFactory> factory)
            throws Exception {
        try (AttemptTimeoutRequestFactory requests = AttemptTimeoutRequestFactory.wrap(factory.get(), null)) {
            // Both requests are created before either is answered: the patient one must not inherit 200 ms.
            CompletableFuture<String> patient = CompletableFuture.supplyAsync(() -> call(requests, Duration.ofSeconds(10), 600));
            Thread.sleep(100);
            assertThatThrownBy(() -> get(requests, Duration.ofMillis(200), 3000)).isInstanceOf(IOException.class);
            assertThat(patient.get()).isEqualTo("answered");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void theConfiguredReadTimeoutBoundsAttemptsWithMoreTimeAndAttemptsWithoutAny(String client,
            Supplier<ClientHttpRequestFactory> factory) throws Exception {
        try (AttemptTimeoutRequestFactory requests = AttemptTimeoutRequestFactory.wrap(factory.get(), Duration.ofMillis(200))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> get(requests, Duration.ofSeconds(10), 3000)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> get(requests, null, 3000)).isInstanceOf(IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2900));
            assertThat(get(requests, null, 0)).isEqualTo("answered");
        }
    }

    @Test
    void aFactoryWhoseRequestsCannotBeBoundedOneByOneIsRefusedSayingWhatToUse() {
        ClientHttpRequestFactory custom = (uri, method) -> {
            throw new IOException("never used");
        };
        assertThatThrownBy(() -> AttemptTimeoutRequestFactory.wrap(custom, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(custom.getClass().getName())
                .hasMessageContaining("spring.http.clients.imperative.factory");
    }

    private String call(AttemptTimeoutRequestFactory requests, Duration timeout, long after) {
        try {
            return get(requests, timeout, after);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String get(AttemptTimeoutRequestFactory requests, Duration timeout, long after) throws IOException {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/?after=" + after);
        return AttemptTimeoutRequestFactory.within(timeout, () -> {
            try (ClientHttpResponse response = requests.createRequest(uri, HttpMethod.GET).execute()) {
                return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            }
        });
    }
}
