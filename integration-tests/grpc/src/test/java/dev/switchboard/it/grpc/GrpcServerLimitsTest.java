package dev.switchboard.it.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.grpc.orders.GetOrderRequest;
import dev.switchboard.it.grpc.orders.OrderNotFoundException;
import dev.switchboard.it.grpc.orders.OrdersClient;
import dev.switchboard.it.grpc.orders.OrdersGrpc;
import dev.switchboard.it.grpc.server.ScriptedOrders;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.RetryLaterException;
import dev.switchboard.grpc.GrpcStatuses;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A limit set only in configuration rejects calls over gRPC with RESOURCE_EXHAUSTED, telling the
 * caller when to come back ({@code grpc-retry-pushback-ms}, RetryInfo); the generated client turns it
 * into a {@link RetryLaterException} carrying that time, which its policy waits before a retry.
 */
class GrpcServerLimitsTest {

    @Test
    void aRateLimitAnswersResourceExhaustedWithPushback() throws Exception {
        try (Services.Server server = Services.server(Map.of(
                "switchboard.services.orders.operations.get-order.rate-limit.permits", "2",
                "switchboard.services.orders.operations.get-order.rate-limit.per", "1m"))) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            try {
                for (int i = 0; i < 2; i++) {
                    assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, OrdersGrpc.GET_ORDER, CallOptions.DEFAULT,
                            new GetOrderRequest("o-1")))
                            .isInstanceOfSatisfying(StatusRuntimeException.class, failure ->
                                    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
                }
                assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, OrdersGrpc.GET_ORDER, CallOptions.DEFAULT,
                        new GetOrderRequest("o-1")))
                        .isInstanceOfSatisfying(StatusRuntimeException.class, limited -> {
                            assertThat(limited.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
                            assertThat(limited.getTrailers().get(GrpcStatuses.RETRY_PUSHBACK)).satisfies(millis ->
                                    assertThat(Long.parseLong(millis)).isBetween(1L, 60_000L));
                        });
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }

            // One attempt: with retries the policy would wait out the pushback (up to the minute) and succeed.
            try (ConfigurableApplicationContext caller = Services.client(server,
                    Map.of("switchboard.services.orders.operations.get-order.retry.attempts", "1"))) {
                OrdersClient client = caller.getBean(OrdersClient.class);
                assertThatThrownBy(() -> client.getOrder(new GetOrderRequest("o-1")))
                        .isInstanceOfSatisfying(RetryLaterException.class, later -> {
                            assertThat(later.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
                            assertThat(later.retryAfter()).isPresent();
                        })
                        .isNotInstanceOf(OrderNotFoundException.class);
            }
            assertThat(server.context().getBean(ScriptedOrders.class).calls("getOrder")).isEqualTo(2);
        }
    }
}
