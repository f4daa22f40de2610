package dev.switchboard.rest.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * Requests bounded by the timeout of the attempt that makes them, on whichever HTTP client built
 * the delegate factory (Spring Boot detects one: Apache HttpClient 5, Jetty, Reactor Netty, the
 * JDK's, or the simple one). A RestClient has one request factory, but every attempt has its own
 * remaining time: the attempt states it for its thread ({@link #within}), and this factory gives it
 * to the request it creates. No client takes a timeout per request through Spring's API, but every
 * one fixes a request's read timeout when the request is created; so the factory's read timeout is
 * set and the request created under one lock, which is held for the microseconds creating a request
 * takes. The delegate belongs to this wrapper alone: nobody else may create requests with it.
 *
 * <p>A request never waits longer than the configured read timeout ({@code spring.http.clients.read-timeout}
 * or the downstream's own), nor longer than its attempt. What the bound covers is the client's: the
 * whole exchange on the JDK client and Jetty, the wait for each answer's bytes on Apache HttpClient
 * and Reactor Netty (which also bounds the wait for a pooled connection on Apache).
 */
final class AttemptTimeoutRequestFactory implements ClientHttpRequestFactory, AutoCloseable {

    /** "No limit" for the clients that refuse zero: Jetty and Reactor Netty. */
    private static final Duration UNBOUNDED = Duration.ofDays(365);

    private static final ThreadLocal<Duration> TIMEOUT = new ThreadLocal<>();

    private final ClientHttpRequestFactory delegate;
    private final Consumer<Duration> readTimeout;
    private final Duration configured;

    private AttemptTimeoutRequestFactory(ClientHttpRequestFactory delegate, Consumer<Duration> readTimeout,
            Duration configured) {
        this.delegate = delegate;
        this.readTimeout = readTimeout;
        this.configured = configured;
    }

    /**
     * @param delegate   a factory of one of the clients Spring supports, used by this wrapper alone
     * @param configured the read timeout it was configured with; null: none
     * @throws IllegalArgumentException for a factory whose requests cannot be bounded one by one
     */
    static AttemptTimeoutRequestFactory wrap(ClientHttpRequestFactory delegate, Duration configured) {
        return new AttemptTimeoutRequestFactory(delegate, readTimeoutOf(delegate), configured);
    }

    /** Runs {@code exchange} with requests bounded by {@code timeout} (null: by the configured read timeout alone). */
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
        Duration timeout = earlier(TIMEOUT.get(), configured);
        synchronized (this) {
            readTimeout.accept(timeout);
            return delegate.createRequest(uri, httpMethod);
        }
    }

    /** Releases the client when its factory owns it (Apache HttpClient's does). */
    @Override
    public void close() throws Exception {
        if (delegate instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }

    private static Duration earlier(Duration attempt, Duration configured) {
        if (attempt == null || (configured != null && configured.compareTo(attempt) < 0)) {
            return configured;
        }
        // A zero read timeout means "none" to several clients; an exhausted attempt gets the least there is.
        return attempt.isZero() || attempt.isNegative() ? Duration.ofMillis(1) : attempt;
    }

    /**
     * How to set the read timeout of {@code factory}'s next request (null: no limit). Matched by class
     * name so that a client's classes are touched only when that client is the one in use.
     */
    private static Consumer<Duration> readTimeoutOf(ClientHttpRequestFactory factory) {
        return switch (factory.getClass().getName()) {
            case "org.springframework.http.client.JdkClientHttpRequestFactory" -> Jdk.readTimeout(factory);
            case "org.springframework.http.client.HttpComponentsClientHttpRequestFactory" ->
                    Apache.readTimeout(factory);
            case "org.springframework.http.client.JettyClientHttpRequestFactory" -> Jetty.readTimeout(factory);
            case "org.springframework.http.client.ReactorClientHttpRequestFactory" -> Reactor.readTimeout(factory);
            case "org.springframework.http.client.SimpleClientHttpRequestFactory" -> Simple.readTimeout(factory);
            default -> throw new IllegalArgumentException("Switchboard cannot bound each attempt's requests on a "
                    + factory.getClass().getName() + ": use the JDK's HTTP client, Apache HttpClient 5, Jetty, "
                    + "Reactor Netty or the simple client (spring.http.clients.imperative.factory)");
        };
    }

    private static final class Jdk {
        static Consumer<Duration> readTimeout(ClientHttpRequestFactory factory) {
            JdkClientHttpRequestFactory jdk = (JdkClientHttpRequestFactory) factory;
            return jdk::setReadTimeout;
        }
    }

    private static final class Apache {
        static Consumer<Duration> readTimeout(ClientHttpRequestFactory factory) {
            HttpComponentsClientHttpRequestFactory apache = (HttpComponentsClientHttpRequestFactory) factory;
            return timeout -> {
                // Zero is "no limit" to HttpClient; the lease of a pooled connection counts against the attempt too.
                Duration bound = timeout == null ? Duration.ZERO : timeout;
                apache.setReadTimeout(bound);
                apache.setConnectionRequestTimeout(bound);
            };
        }
    }

    private static final class Jetty {
        static Consumer<Duration> readTimeout(ClientHttpRequestFactory factory) {
            JettyClientHttpRequestFactory jetty = (JettyClientHttpRequestFactory) factory;
            return timeout -> jetty.setReadTimeout(timeout == null ? UNBOUNDED : timeout);
        }
    }

    private static final class Reactor {
        static Consumer<Duration> readTimeout(ClientHttpRequestFactory factory) {
            ReactorClientHttpRequestFactory reactor = (ReactorClientHttpRequestFactory) factory;
            return timeout -> reactor.setReadTimeout(timeout == null ? UNBOUNDED : timeout);
        }
    }

    private static final class Simple {
        static Consumer<Duration> readTimeout(ClientHttpRequestFactory factory) {
            SimpleClientHttpRequestFactory simple = (SimpleClientHttpRequestFactory) factory;
            return timeout -> simple.setReadTimeout(timeout == null ? Duration.ZERO : timeout);
        }
    }

    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }
}
