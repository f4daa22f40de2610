package dev.switchboard.it.grpc;

import dev.switchboard.it.grpc.client.OrdersClientApplication;
import dev.switchboard.it.grpc.server.OrdersServerApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/** Starts the server and caller applications the tests talk through, as separate Spring contexts. */
final class Services {

    private Services() {}

    /** The server: gRPC (Netty) and HTTP, both on random ports, with extra {@code key=value} properties. */
    static Server server(Map<String, String> extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0", "spring.grpc.server.port=0",
                "spring.main.banner-mode=off"));
        extra.forEach((key, value) -> properties.add(key + "=" + value));
        AtomicInteger grpcPort = new AtomicInteger();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrdersServerApplication.class)
                .properties(properties.toArray(String[]::new))
                .listeners(event -> {
                    if (event instanceof GrpcServerStartedEvent started) {
                        grpcPort.set(started.getPort());
                    }
                })
                .run();
        if (grpcPort.get() <= 0) {
            context.close();
            throw new IllegalStateException("the gRPC server did not start");
        }
        return new Server(context, grpcPort.get());
    }

    /** A caller using the generated gRPC client, with extra {@code key=value} properties. */
    static ConfigurableApplicationContext client(Server server, Map<String, String> extra) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.main.banner-mode=off",
                "switchboard.services.orders.client.transport=grpc",
                "switchboard.services.orders.client.address=" + server.address()));
        extra.forEach((key, value) -> properties.add(key + "=" + value));
        return new SpringApplicationBuilder(OrdersClientApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new))
                .run();
    }

    record Server(ConfigurableApplicationContext context, int grpcPort) implements AutoCloseable {

        String address() {
            return "127.0.0.1:" + grpcPort;
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
