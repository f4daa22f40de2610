package dev.switchboard.it.grpc.server;

import io.micrometer.tracing.Tracer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The server: the generated gRPC service (and REST routes) in front of {@link ScriptedOrders}; nothing else is wired by hand. */
@SpringBootApplication
public class OrdersServerApplication {

    @Bean
    ScriptedOrders orders(Tracer tracer) {
        return new ScriptedOrders(tracer);
    }
}
