package dev.switchboard.it.rest;

import dev.switchboard.it.rest.client.OrdersClientApplication;
import dev.switchboard.it.rest.server.OrdersServerApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the server and caller applications the tests talk through, as separate Spring contexts. */
final class Services {

    private Services() {}

    /** The server on a random port. */
    static ConfigurableApplicationContext server() {
        return server(Map.of());
    }

    /** The server on a random port, with extra {@code key=value} properties. */
    static ConfigurableApplicationContext server(Map<String, String> extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0", "spring.grpc.server.port=0", "spring.main.banner-mode=off"));
        extra.forEach((key, value) -> properties.add(key + "=" + value));
        return new SpringApplicationBuilder(OrdersServerApplication.class)
                .properties(properties.toArray(String[]::new))
                .run();
    }

    static int port(ConfigurableApplicationContext server) {
        return Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    /** A caller of the server with extra {@code key=value} properties. */
    static ConfigurableApplicationContext client(ConfigurableApplicationContext server, Map<String, String> extra) {
        return client("http://127.0.0.1:" + port(server), extra);
    }

    /** A caller of the server at {@code baseUrl}, with extra properties and configuration classes. */
    static ConfigurableApplicationContext client(String baseUrl, Map<String, String> extra, Class<?>... configuration) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.main.banner-mode=off",
                "switchboard.services.orders.client.base-url=" + baseUrl));
        extra.forEach((key, value) -> properties.add(key + "=" + value));
        return new SpringApplicationBuilder(OrdersClientApplication.class)
                .sources(configuration)
                .web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new))
                .run();
    }
}
