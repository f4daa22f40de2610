package dev.switchboard.spring.grpc;

import dev.switchboard.grpc.GrpcCallers;
import dev.switchboard.grpc.GrpcServer;
import dev.switchboard.grpc.client.DefaultGrpcCallers;
import dev.switchboard.grpc.server.DefaultGrpcServer;
import dev.switchboard.runtime.observation.ClientObservations;
import dev.switchboard.runtime.observation.ServerObservations;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.security.CallerSource;
import dev.switchboard.runtime.security.DownstreamCredentials;
import dev.switchboard.spring.SwitchboardProperties;
import io.grpc.ManagedChannelBuilder;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.grpc.client.ChannelBuilderOptions;
import org.springframework.grpc.client.GrpcChannelBuilderCustomizer;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * gRPC through Spring gRPC: the server support generated services bind with, and callers for
 * generated clients on channels from Spring gRPC's channel factory.
 */
@AutoConfiguration(afterName = "dev.switchboard.spring.SwitchboardAutoConfiguration")
public class SwitchboardGrpcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(GrpcServer.class)
    DefaultGrpcServer switchboardGrpcServer(PolicyEngine policies, ObjectProvider<ServerObservations> observations,
            ObjectProvider<CallerSource> callers, ObjectProvider<SimpleAsyncTaskExecutorBuilder> executors,
            Environment environment) {
        ServerObservations observed = observations.getIfAvailable(() -> new ServerObservations(ObservationRegistry.NOOP));
        CallerSource callerSource = callers.getIfAvailable(() -> CallerSource.ANONYMOUS);
        if (Threading.VIRTUAL.isActive(environment)) {
            return new DefaultGrpcServer(policies, observed, callerSource,
                    virtualThreads(executors, "switchboard-grpc-stream-"));
        }
        return new DefaultGrpcServer(policies, observed, callerSource);
    }

    /** Spring's executor on virtual threads, from Boot's builder (so {@code spring.task.execution.simple.*} applies). */
    static SimpleAsyncTaskExecutor virtualThreads(ObjectProvider<SimpleAsyncTaskExecutorBuilder> builder, String prefix) {
        return builder.getIfAvailable(SimpleAsyncTaskExecutorBuilder::new)
                .virtualThreads(true).threadNamePrefix(prefix).build();
    }

    /** Spring gRPC's channel factory is configured after this class, so it is looked up when the first channel is made. */
    @Bean
    @ConditionalOnMissingBean(GrpcCallers.class)
    DefaultGrpcCallers switchboardGrpcCallers(ObjectProvider<GrpcChannelFactory> channels,
            SwitchboardProperties properties, PolicyEngine policies, ObjectProvider<ClientObservations> observations,
            ObjectProvider<DownstreamCredentials> credentials) {
        return new DefaultGrpcCallers(target -> channels.getObject().createChannel(target, onePolicyLayer()), service -> {
            SwitchboardProperties.Service configured = properties.service(service);
            return configured == null ? null : configured.getClient().getAddress();
        }, policies, observations.getIfAvailable(() -> new ClientObservations(ObservationRegistry.NOOP)),
                credentials.getIfAvailable(() -> DownstreamCredentials.NONE));
    }

    /** Spring gRPC types its customizer by the concrete builder; this one applies to any. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ChannelBuilderOptions onePolicyLayer() {
        GrpcChannelBuilderCustomizer customizer = (target, builder) ->
                DefaultGrpcCallers.configure((ManagedChannelBuilder<?>) builder);
        return ChannelBuilderOptions.defaults().withCustomizer(customizer);
    }
}
