package dev.switchboard.spring.nats;

import dev.switchboard.nats.NatsTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.messaging.nats.*}: how to reach and authenticate to the NATS servers, the
 * options of jnats' {@code Options.Builder} that a real estate sets. Anything else:
 * a {@link NatsOptionsCustomizer} bean.
 */
@ConfigurationProperties("switchboard.messaging.nats")
public class NatsProperties {

    /** One NATS server (JetStream enabled), e.g. {@code nats://127.0.0.1:4222}; the same as {@code servers} with one element. */
    private String url = "nats://127.0.0.1:4222";

    /** The servers of a cluster, e.g. {@code nats://n1:4222,nats://n2:4222}; when set, {@code url} is not used. */
    private List<String> servers = new ArrayList<>();

    /** User of user/password authentication. */
    private String username;

    /** Password of user/password authentication. */
    private String password;

    /** Token authentication. */
    private String token;

    /** A {@code .creds} file (user JWT and NKey seed) for decentralised JWT authentication. */
    private Path credentials;

    /** The name this connection shows in the server's monitoring; defaults to {@code spring.application.name}. */
    private String connectionName;

    /** How long the first connection may take. */
    private Duration connectionTimeout = Duration.ofSeconds(5);

    /**
     * Shard subjects of each ordered destination: how many messages of an ordered subscription run at
     * once across its instances. The same for publishers and consumers; changing it is a redeploy of both.
     */
    private int orderedShards = NatsTransport.DEFAULT_ORDERED_SHARDS;

    /**
     * How many servers of a JetStream cluster keep each stream Switchboard creates (1 to 5). A server
     * acknowledges a publish before its file store reaches the disk, so a lone server killed mid-stream
     * can lose acknowledged messages; with 3, a publish is acknowledged once a quorum holds it.
     */
    private int streamReplicas = 1;

    private final Ssl ssl = new Ssl();

    /** The servers to connect to: {@code servers}, else {@code url}. */
    public List<String> serverList() {
        return servers.isEmpty() ? List.of(url) : List.copyOf(servers);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getServers() {
        return servers;
    }

    public void setServers(List<String> servers) {
        this.servers = servers;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public Path getCredentials() {
        return credentials;
    }

    public void setCredentials(Path credentials) {
        this.credentials = credentials;
    }

    public String getConnectionName() {
        return connectionName;
    }

    public void setConnectionName(String connectionName) {
        this.connectionName = connectionName;
    }

    public Duration getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(Duration connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public int getOrderedShards() {
        return orderedShards;
    }

    public void setOrderedShards(int orderedShards) {
        this.orderedShards = orderedShards;
    }

    public int getStreamReplicas() {
        return streamReplicas;
    }

    public void setStreamReplicas(int streamReplicas) {
        this.streamReplicas = streamReplicas;
    }

    public Ssl getSsl() {
        return ssl;
    }

    /** TLS to the servers. */
    public static class Ssl {

        /** The Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust (and key, for mutual TLS) material the connection uses. */
        private String bundle;

        public String getBundle() {
            return bundle;
        }

        public void setBundle(String bundle) {
            this.bundle = bundle;
        }
    }
}
