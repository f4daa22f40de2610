package dev.switchboard.spring.nats;

import io.nats.client.Nats;
import io.nats.client.Options;
import java.util.List;
import org.springframework.boot.ssl.SslBundles;

/** Builds jnats {@link Options} from {@code switchboard.messaging.nats.*}, the SSL bundles and the customizers. */
final class NatsOptionsFactory {

    private final NatsProperties properties;
    private final SslBundles sslBundles;

    /** @param sslBundles Boot's bundles, or null when there are none */
    NatsOptionsFactory(NatsProperties properties, SslBundles sslBundles) {
        this.properties = properties;
        this.sslBundles = sslBundles;
    }

    /** @param defaultName the connection name when none is configured (the application's name) */
    Options create(String defaultName, List<NatsOptionsCustomizer> customizers) {
        Options.Builder builder = new Options.Builder()
                .servers(properties.serverList().toArray(String[]::new))
                .connectionName(properties.getConnectionName() != null ? properties.getConnectionName() : defaultName)
                .connectionTimeout(properties.getConnectionTimeout())
                // Once connected, reconnect for as long as it takes: JetStream keeps what arrives meanwhile.
                .maxReconnects(-1);
        if (properties.getUsername() != null && properties.getToken() != null) {
            throw new IllegalStateException("set switchboard.messaging.nats.username and password, or "
                    + "switchboard.messaging.nats.token, not both");
        }
        if (properties.getUsername() != null) {
            if (properties.getPassword() == null) {
                throw new IllegalStateException("switchboard.messaging.nats.username is set without "
                        + "switchboard.messaging.nats.password");
            }
            builder.userInfo(properties.getUsername(), properties.getPassword());
        }
        if (properties.getToken() != null) {
            builder.token(properties.getToken().toCharArray());
        }
        if (properties.getCredentials() != null) {
            builder.authHandler(Nats.credentials(properties.getCredentials().toString()));
        }
        String bundle = properties.getSsl().getBundle();
        if (bundle != null) {
            if (sslBundles == null) {
                throw new IllegalStateException("switchboard.messaging.nats.ssl.bundle=" + bundle
                        + " names an SSL bundle, but the application has no SslBundles");
            }
            builder.sslContext(sslBundles.getBundle(bundle).createSslContext());
        }
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
