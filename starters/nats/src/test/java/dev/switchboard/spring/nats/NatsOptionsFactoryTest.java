package dev.switchboard.spring.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Options;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code switchboard.messaging.nats.*} into jnats {@link Options}. */
class NatsOptionsFactoryTest {

    private final NatsProperties properties = new NatsProperties();

    private Options options(NatsOptionsCustomizer... customizers) {
        return new NatsOptionsFactory(properties, null).create("orders", List.of(customizers));
    }

    @Test
    void theUrlIsAListOfOneServer() {
        properties.setUrl("nats://nats.internal:4222");
        assertThat(options().getServers()).containsExactly(URI.create("nats://nats.internal:4222"));
    }

    @Test
    void serversWhenSetTakeThePlaceOfTheUrl() {
        properties.setServers(List.of("nats://n1:4222", "nats://n2:4222"));
        assertThat(options().getServers()).containsExactly(URI.create("nats://n1:4222"), URI.create("nats://n2:4222"));
    }

    @Test
    void theConnectionIsNamedAfterTheApplicationUnlessNamed() {
        assertThat(options().getConnectionName()).isEqualTo("orders");
        properties.setConnectionName("orders-eu-1");
        assertThat(options().getConnectionName()).isEqualTo("orders-eu-1");
    }

    @Test
    void userAndPasswordReachTheOptionsAndTheConnectionReconnectsForever() {
        properties.setUsername("orders");
        properties.setPassword("secret");
        properties.setConnectionTimeout(Duration.ofSeconds(2));
        Options options = options();

        assertThat(options.getUsernameChars()).isEqualTo("orders".toCharArray());
        assertThat(options.getPasswordChars()).isEqualTo("secret".toCharArray());
        assertThat(options.getAuthHandler()).isNull();
        assertThat(options.getConnectionTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.getMaxReconnect()).isEqualTo(-1);
    }

    @Test
    void aTokenReachesTheOptions() {
        properties.setToken("t0ken");
        assertThat(options().getTokenChars()).isEqualTo("t0ken".toCharArray());
    }

    @Test
    void aCredentialsFileBecomesTheAuthHandler() {
        properties.setCredentials(Path.of("/etc/nats/orders.creds"));
        assertThat(options().getAuthHandler()).isNotNull();
    }

    @Test
    void aUserAndATokenAtOnceIsAConfigurationError() {
        properties.setUsername("orders");
        properties.setPassword("secret");
        properties.setToken("t0ken");
        assertThatThrownBy(this::options).isInstanceOf(IllegalStateException.class)
                .hasMessage("set switchboard.messaging.nats.username and password, or switchboard.messaging.nats.token, not both");
    }

    @Test
    void aUserWithoutPasswordIsAConfigurationError() {
        properties.setUsername("orders");
        assertThatThrownBy(this::options).isInstanceOf(IllegalStateException.class)
                .hasMessage("switchboard.messaging.nats.username is set without switchboard.messaging.nats.password");
    }

    @Test
    void anSslBundleWithoutSslBundlesIsAConfigurationError() {
        properties.getSsl().setBundle("nats");
        assertThatThrownBy(this::options).isInstanceOf(IllegalStateException.class).hasMessageContaining("nats");
    }

    @Test
    void customizersHaveTheLastWord() {
        Options options = options(builder -> builder.connectionName("custom").reconnectWait(Duration.ofMillis(250)));
        assertThat(options.getConnectionName()).isEqualTo("custom");
        assertThat(options.getReconnectWait()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void serversAreShownWithoutCredentials() {
        assertThat(NatsHealthIndicator.withoutUserInfo("nats://orders:secret@n1:4222")).isEqualTo("nats://n1:4222");
        assertThat(NatsHealthIndicator.withoutUserInfo("nats://n1:4222")).isEqualTo("nats://n1:4222");
    }
}
