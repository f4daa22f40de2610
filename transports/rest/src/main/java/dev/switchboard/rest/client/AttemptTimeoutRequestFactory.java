package dev.switchboard.rest.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Requests on one shared JDK {@link HttpClient}, each bounded by the timeout of the attempt that
 * makes it. A RestClient has one request factory, but every attempt has its own remaining time;
 * the attempt states it for its thread, and this factory applies it to the request it creates.
 */
final class AttemptTimeoutRequestFactory implements ClientHttpRequestFactory {

    private static final ThreadLocal<Duration> TIMEOUT = new ThreadLocal<>();

    private final HttpClient httpClient;
    private final Executor executor;

    AttemptTimeoutRequestFactory(HttpClient httpClient, Executor executor) {
        this.httpClient = httpClient;
        this.executor = executor;
    }

    /** Runs {@code exchange} with requests bounded by {@code timeout} (null: unbounded). */
    static <T> T within(Duration timeout, IoSupplier<T> exchange) throws IOException {
        Duration previous = TIMEOUT.get();
        TIMEOUT.set(timeout);
        try {
            return exchange.get();
        } finally {
            if (previous == null) {
                TIMEOUT.remove();
            } else {
                TIMEOUT.set(previous);
            }
        }
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient, executor);
        Duration timeout = TIMEOUT.get();
        if (timeout != null) {
            factory.setReadTimeout(timeout.isZero() ? Duration.ofMillis(1) : timeout);
        }
        return factory.createRequest(uri, httpMethod);
    }

    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }
}
