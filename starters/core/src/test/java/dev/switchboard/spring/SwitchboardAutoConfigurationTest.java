package dev.switchboard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.idempotency.IdempotencyStore;
import dev.switchboard.runtime.idempotency.InMemoryIdempotencyStore;
import dev.switchboard.runtime.messaging.InMemoryProcessedMessages;
import dev.switchboard.runtime.messaging.ProcessedMessages;
import dev.switchboard.runtime.observation.CallObservations;
import dev.switchboard.runtime.observation.ServerObservations;
import dev.switchboard.runtime.policy.CallShape;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RetrySettings;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class SwitchboardAutoConfigurationTest {

    private static final OperationDescriptor GET_ORDER = new OperationDescriptor("OrderHistory", "getOrder", true,
            CallShape.UNARY, new PolicySettings(Duration.ofSeconds(2), null,
                    new RetrySettings(3, Duration.ofMillis(50), null, null, null), null, null, null));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class));

    @Test
    void configurationOverridesTheContractServiceWideThenPerOperation() {
        runner.withPropertyValues(
                        "switchboard.services.order-history.timeout=700ms",
                        "switchboard.services.order-history.retry.attempts=5",
                        "switchboard.services.order-history.operations.get-order.timeout=150ms",
                        "switchboard.services.order-history.operations.get-order.rate-limit.permits=10",
                        "switchboard.services.order-history.operations.get-order.rate-limit.per=1s")
                .run(context -> {
                    PolicySettings settings = context.getBean(PolicyEngine.class).settings(GET_ORDER);
                    assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(150));
                    assertThat(settings.retry().attempts()).isEqualTo(5);
                    assertThat(settings.retry().backoff()).isEqualTo(Duration.ofMillis(50));
                    assertThat(settings.rateLimit().permits()).isEqualTo(10);
                });
    }

    /**
     * A unary call inside the transport's observation is metered on a registry built from the application's
     * meter registry and observation predicates: the same {@code switchboard.call} timer and tags, switched
     * off by the same predicate.
     */
    @Test
    void nestedServerCallsAreMeteredAsTheApplicationMetersObservations() {
        ApplicationContextRunner metered = runner
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ObservationRegistry.class, () -> {
                    ObservationRegistry registry = ObservationRegistry.create();
                    registry.observationConfig().observationHandler(context -> true);
                    return registry;
                });
        metered.run(context -> {
            serveOneCall(context.getBean(ServerObservations.class), context.getBean(ObservationRegistry.class));
            assertThat(context.getBean(MeterRegistry.class).get("switchboard.call")
                    .tags("service", "OrderHistory", "operation", "getOrder", "transport", "rest", "kind", "server",
                            "outcome", "OK", "error", "none")
                    .timer().count()).isEqualTo(1);
        });
        metered.withBean(ObservationPredicate.class, () -> (name, observation) -> !name.equals("switchboard.call"))
                .run(context -> {
                    serveOneCall(context.getBean(ServerObservations.class), context.getBean(ObservationRegistry.class));
                    assertThat(context.getBean(MeterRegistry.class).find("switchboard.call").timers()).isEmpty();
                });
    }

    private static void serveOneCall(ServerObservations servers, ObservationRegistry registry) {
        Observation transport = Observation.start("http.server.requests",
                () -> new RequestReplyReceiverContext<Object, Object>((carrier, key) -> null), registry);
        try (Observation.Scope scope = transport.openScope()) {
            CallObservations.stop(servers.unary(GET_ORDER, "rest", header -> null), null);
        }
        transport.stop();
    }

    @Test
    void exactContractNamesWorkAsKeysToo() {
        runner.withPropertyValues("switchboard.services.OrderHistory.operations.getOrder.timeout=90ms")
                .run(context -> assertThat(context.getBean(PolicyEngine.class).settings(GET_ORDER).timeout())
                        .isEqualTo(Duration.ofMillis(90)));
    }

    /** Generated client configurations select their transport with these two conditions each. */
    @Test
    void clientBeansAppearOnlyWhenTheirTransportAndAddressAreConfigured() {
        ApplicationContextRunner clients = runner.withUserConfiguration(ClientBeans.class);
        clients.run(context -> assertThat(context).doesNotHaveBean("restClient"));
        clients.withPropertyValues("switchboard.services.order-history.client.base-url=http://history:8080")
                .run(context -> assertThat(context).hasBean("restClient").doesNotHaveBean("grpcClient"));
        clients.withPropertyValues("switchboard.services.OrderHistory.client.base-url=http://history:8080")
                .run(context -> assertThat(context).hasBean("restClient"));
        clients.withPropertyValues("switchboard.services.order-history.client.base-url=http://history:8080",
                        "switchboard.services.order-history.client.transport=grpc",
                        "switchboard.services.order-history.client.address=history:9090")
                .run(context -> assertThat(context).doesNotHaveBean("restClient").hasBean("grpcClient"));
    }

    @Configuration(proxyBeanMethods = false)
    static class ClientBeans {
        @Bean
        @ConditionalOnProperty(name = "switchboard.services.order-history.client.transport", havingValue = "rest",
                matchIfMissing = true)
        @ConditionalOnProperty(name = "switchboard.services.order-history.client.base-url")
        String restClient() {
            return "rest";
        }

        @Bean
        @ConditionalOnProperty(name = "switchboard.services.order-history.client.transport", havingValue = "grpc")
        @ConditionalOnProperty(name = "switchboard.services.order-history.client.address")
        String grpcClient() {
            return "grpc";
        }
    }

    @Test
    void theJdbcStoresAskedForWithoutTheirStarterFailStartupSayingWhatToAdd() {
        runner.withPropertyValues("switchboard.rest.idempotency=jdbc")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("add dev.switchboard:switchboard-spring-boot-starter-jdbc"));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class,
                        SwitchboardMessagingAutoConfiguration.class))
                .withPropertyValues("switchboard.messaging.processed-messages=jdbc")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("add dev.switchboard:switchboard-spring-boot-starter-jdbc"));
    }

    @Test
    void theInMemoryStoresAreTheDefault() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class,
                        SwitchboardMessagingAutoConfiguration.class))
                .run(context -> {
                    assertThat(context.getBean(IdempotencyStore.class)).isInstanceOf(InMemoryIdempotencyStore.class);
                    assertThat(context.getBean(ProcessedMessages.class)).isInstanceOf(InMemoryProcessedMessages.class);
                });
    }
}
