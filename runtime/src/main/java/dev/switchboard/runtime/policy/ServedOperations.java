package dev.switchboard.runtime.policy;

import java.util.List;

/**
 * The operations a running service serves over one transport, each with the route it answers on. Generated
 * configurations declare one per served contract and transport, so the service page lists what really runs.
 *
 * @param transport {@code rest} or {@code grpc}
 */
public record ServedOperations(String service, String transport, List<Route> routes) {

    public ServedOperations {
        routes = List.copyOf(routes);
    }

    /**
     * @param route {@code GET /orders/{id}} over REST, the full method name {@code com.example.orders.Orders/GetOrder}
     *              over gRPC
     */
    public record Route(OperationDescriptor operation, String route) {}
}
