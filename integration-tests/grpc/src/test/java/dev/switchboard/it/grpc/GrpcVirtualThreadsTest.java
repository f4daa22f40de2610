package dev.switchboard.it.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.grpc.orders.CreateOrderRequest;
import dev.switchboard.it.grpc.orders.GetOrderRequest;
import dev.switchboard.it.grpc.orders.OrderItem;
import dev.switchboard.it.grpc.orders.Order;
import dev.switchboard.it.grpc.orders.OrdersClient;
import dev.switchboard.it.grpc.orders.WatchOrdersRequest;
import dev.switchboard.it.grpc.server.ScriptedOrders;
import dev.switchboard.runtime.stream.StreamSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code spring.threads.virtual.enabled}: on Java 21+ unary and streaming handlers run on virtual
 * threads (Spring gRPC's server executor and Switchboard's stream handlers, both from Spring's
 * executor builder); on Java 17 the setting changes nothing and everything still works. The build
 * runs this class on both: in the default test run and again on a Java 21+ JDK.
 */
class GrpcVirtualThreadsTest {

    @Test
    void handlersRunOnVirtualThreadsWhereTheJvmHasThem() throws Exception {
        boolean virtualThreads = Runtime.version().feature() >= 21;
        try (Services.Server server = Services.server(Map.of("spring.threads.virtual.enabled", "true"));
                ConfigurableApplicationContext caller = Services.client(server, Map.of())) {
            OrdersClient client = caller.getBean(OrdersClient.class);
            Order created = client.createOrder(new CreateOrderRequest("c-1", List.of(new OrderItem("sku-1", 1)), null));
            assertThat(client.getOrder(new GetOrderRequest(created.id())).id()).isEqualTo(created.id());
            List<Order> watched = new ArrayList<>();
            try (StreamSource<Order> orders = client.watchOrders(new WatchOrdersRequest("c-1", 3))) {
                orders.forEach(watched::add);
            }
            assertThat(watched).hasSize(3);

            ScriptedOrders orders = server.context().getBean(ScriptedOrders.class);
            assertThat(isVirtual(orders.lastThread("getOrder"))).as("unary handler thread %s", orders.lastThread("getOrder"))
                    .isEqualTo(virtualThreads);
            assertThat(isVirtual(orders.lastThread("watchOrders"))).as("stream handler thread %s",
                    orders.lastThread("watchOrders")).isEqualTo(virtualThreads);
        }
    }

    /** {@code Thread.isVirtual()}, which Java 17's API does not have. */
    private static boolean isVirtual(Thread thread) throws Exception {
        if (Runtime.version().feature() < 21) {
            return false;
        }
        return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }
}
