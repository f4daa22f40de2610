package dev.switchboard.it.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.grpc.orders.CreateOrderRequest;
import dev.switchboard.it.grpc.orders.Order;
import dev.switchboard.it.grpc.orders.OrderItem;
import dev.switchboard.it.grpc.orders.OrdersClient;
import dev.switchboard.it.support.TestCertificate;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The generated gRPC client's channels come from Spring gRPC's channel factory, so Spring gRPC's
 * own properties reach the wire: the default channel's for a downstream addressed as
 * {@code host:port}, a named channel's for a downstream addressed by that name; and the server
 * takes Spring gRPC's server properties. Shown with TLS through SSL bundles on both sides, and a
 * message size limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringGrpcChannelsTest {

    private TestCertificate certificate;
    private Services.Server server;

    @BeforeAll
    void start(@TempDir Path certificates) throws Exception {
        certificate = TestCertificate.selfSigned(certificates, "orders");
        server = Services.server(with(certificate.presentingBundle("served"), "spring.grpc.server.ssl.bundle", "served"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aDownstreamAddressedAsHostAndPortTakesTheDefaultChannelsProperties() {
        try (ConfigurableApplicationContext caller = Services.client(server, with(certificate.trustingBundle("orders"),
                "switchboard.services.orders.client.address", "localhost:" + server.grpcPort(),
                "spring.grpc.client.default-channel.ssl.bundle", "orders"))) {
            assertThat(place(caller).customerId()).isEqualTo("c-1");
        }

        try (ConfigurableApplicationContext small = Services.client(server, with(certificate.trustingBundle("orders"),
                "switchboard.services.orders.client.address", "localhost:" + server.grpcPort(),
                "spring.grpc.client.default-channel.ssl.bundle", "orders",
                "spring.grpc.client.default-channel.max-inbound-message-size", "16B"))) {
            assertThatThrownBy(() -> place(small))
                    .as("an answer larger than the default channel's 16 bytes")
                    .isInstanceOf(SwitchboardException.class)
                    .extracting("code").isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
        }
    }

    @Test
    void aDownstreamAddressedByAChannelNameTakesThatChannelsProperties() {
        try (ConfigurableApplicationContext caller = Services.client(server, with(certificate.trustingBundle("orders"),
                "switchboard.services.orders.client.address", "orders-tls",
                "spring.grpc.client.channels.orders-tls.address", "static://localhost:" + server.grpcPort(),
                "spring.grpc.client.channels.orders-tls.ssl.bundle", "orders"))) {
            assertThat(place(caller).customerId()).isEqualTo("c-1");
        }
    }

    @Test
    void aPlaintextChannelToTheTlsServerIsUnavailable() {
        try (ConfigurableApplicationContext plaintext = Services.client(server, Map.of(
                "switchboard.services.orders.client.address", "localhost:" + server.grpcPort()))) {
            assertThatThrownBy(() -> place(plaintext))
                    .isInstanceOf(SwitchboardException.class)
                    .extracting("code").isEqualTo(ErrorCode.UNAVAILABLE);
        }
    }

    /** {@code bundle}'s properties and {@code keysAndValues}. */
    private static Map<String, String> with(Map<String, String> bundle, String... keysAndValues) {
        Map<String, String> properties = new HashMap<>(bundle);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private static Order place(ConfigurableApplicationContext caller) {
        return caller.getBean(OrdersClient.class)
                .createOrder(new CreateOrderRequest("c-1", List.of(new OrderItem("apple", 2)), null));
    }
}
