package dev.switchboard.spring;

import dev.switchboard.runtime.ServiceKeys;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.*}: per service (the contract's service name in kebab case, e.g.
 * {@code orders}), policy overrides for the whole service and per operation, and how to reach it
 * as a client.
 */
@ConfigurationProperties("switchboard")
public class SwitchboardProperties {

    /** Services by name in kebab case ({@code Orders} → {@code orders}); the exact contract name works too. */
    private final Map<String, Service> services = new LinkedHashMap<>();

    public Map<String, Service> getServices() {
        return services;
    }

    /** The settings of {@code service} (the contract's name), or null when none are configured. */
    public Service service(String service) {
        return ServiceKeys.lookup(services, service);
    }

    public static class Service extends PolicyProperties {

        /** Overrides for single operations, by operation name in kebab case ({@code get-order}). */
        private final Map<String, PolicyProperties> operations = new LinkedHashMap<>();

        /** How this application calls the service. */
        private final Client client = new Client();

        public Map<String, PolicyProperties> getOperations() {
            return operations;
        }

        public Client getClient() {
            return client;
        }
    }

    public static class Client {

        /** {@code rest} or {@code grpc}: the transport generated clients use. */
        private String transport = "rest";

        /** Where the service answers HTTP, e.g. {@code http://orders:8080}; the REST client is created only when set. */
        private URI baseUrl;

        /** Whether non-idempotent calls carry an {@code Idempotency-Key}, which makes them safe to retry. */
        private boolean idempotencyKeys = true;

        /**
         * The most HTTP connections open to the service at once, on Apache HttpClient and Jetty (the
         * JDK's client has no limit); a call beyond them waits for one within its attempt's time.
         */
        private int maxConnections = 64;

        /**
         * Where the service answers gRPC, as a gRPC target: {@code host:port}, or
         * {@code dns:///orders:9090} to spread calls round-robin over every address the name resolves to.
         */
        private String address;

        /**
         * What generated clients authenticate with (under switchboard-spring-boot-starter-security):
         * {@code none}; {@code forward}, the current caller's bearer token (it names the first service's
         * audience, so the downstream must accept it); or {@code client-credentials}, a token of the
         * service's own from the OAuth2 client {@link #registration}.
         */
        private String credentials = "none";

        /** The {@code spring.security.oauth2.client.registration.<id>} that {@code client-credentials} uses. */
        private String registration;

        public String getTransport() {
            return transport;
        }

        public void setTransport(String transport) {
            this.transport = transport;
        }

        public URI getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getCredentials() {
            return credentials;
        }

        public void setCredentials(String credentials) {
            this.credentials = credentials;
        }

        public String getRegistration() {
            return registration;
        }

        public void setRegistration(String registration) {
            this.registration = registration;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public int getMaxConnections() {
            return maxConnections;
        }

        public void setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
        }

        public boolean isIdempotencyKeys() {
            return idempotencyKeys;
        }

        public void setIdempotencyKeys(boolean idempotencyKeys) {
            this.idempotencyKeys = idempotencyKeys;
        }
    }
}
