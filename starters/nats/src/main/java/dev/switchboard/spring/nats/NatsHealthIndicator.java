package dev.switchboard.spring.nats;

import io.nats.client.Connection;
import io.nats.client.api.ServerInfo;
import java.net.URI;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The NATS connection in Boot's health: UP while it is connected, DOWN while it is connecting,
 * reconnecting, disconnected or closed; with its status, the servers it knows (without credentials),
 * and, when connected, which server it is on and whether that server runs JetStream.
 */
public class NatsHealthIndicator extends AbstractHealthIndicator {

    private final Connection connection;

    public NatsHealthIndicator(Connection connection) {
        super("NATS health check failed");
        this.connection = connection;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Connection.Status status = connection.getStatus();
        if (status == Connection.Status.CONNECTED) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("status", status.name())
                .withDetail("servers", connection.getServers().stream().map(NatsHealthIndicator::withoutUserInfo).toList());
        if (status == Connection.Status.CONNECTED) {
            builder.withDetail("connectedUrl", withoutUserInfo(connection.getConnectedUrl()));
            ServerInfo server = connection.getServerInfo();
            if (server != null) {
                builder.withDetail("server", server.getServerName())
                        .withDetail("version", server.getVersion())
                        .withDetail("jetStream", server.isJetStreamAvailable());
            }
        }
    }

    /** A server address as it can be shown: {@code nats://user:secret@host:4222} → {@code nats://host:4222}. */
    static String withoutUserInfo(String server) {
        if (server == null) {
            return null;
        }
        try {
            URI uri = URI.create(server);
            if (uri.getUserInfo() == null) {
                return server;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
        } catch (Exception notAUri) {
            int at = server.lastIndexOf('@');
            return at < 0 ? server : server.substring(at + 1);
        }
    }
}
