package dev.switchboard.it.rest.server;

import io.micrometer.tracing.Tracer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The server: the generated REST routes in front of {@link ScriptedOrders}; nothing else is wired by hand. */
@SpringBootApplication
public class OrdersServerApplication {

    @Bean
    ScriptedOrders orders(Tracer tracer) {
        return new ScriptedOrders(tracer);
    }

    @Bean
    RequestHeaders requestHeaders() {
        return new RequestHeaders();
    }
}
