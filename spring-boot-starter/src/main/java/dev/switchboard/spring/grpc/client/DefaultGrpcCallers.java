package dev.switchboard.spring.grpc.client;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.ErrorDecoder;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.policy.PolicyEngine;
import dev.switchboard.spring.ServiceKeys;
import dev.switchboard.spring.grpc.GrpcCaller;
import dev.switchboard.spring.grpc.GrpcCallers;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannelBuilder;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.grpc.client.ChannelBuilderOptions;
import org.springframework.grpc.client.GrpcChannelBuilderCustomizer;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * One channel per downstream service, made by Spring gRPC's channel factory (so its TLS,
 * interceptors and observation apply), with two Switchboard choices: round-robin over every
 * address the target resolves to, and grpc-java's built-in retry off, since the policy engine
 * retries and attempts must never multiply.
 */
public final class DefaultGrpcCallers implements GrpcCallers {

    private final Supplier<GrpcChannelFactory> channels;
    private final Function<String, String> addresses;
    private final PolicyEngine policies;
    private final ObservationRegistry observations;
    private final Map<String, Channel> byService = new ConcurrentHashMap<>();

    /**
     * @param addresses service name → gRPC target ({@code host:port}, {@code dns:///host:port}), or null
     */
    public DefaultGrpcCallers(Supplier<GrpcChannelFactory> channels, Function<String, String> addresses,
            PolicyEngine policies, ObservationRegistry observations) {
        this.channels = channels;
        this.addresses = addresses;
        this.policies = policies;
        this.observations = observations;
    }

    @Override
    public GrpcCaller forService(String service, ErrorDecoder errors) {
        return new DefaultGrpcCaller(byService.computeIfAbsent(service, this::channel), policies, observations, errors);
    }

    private Channel channel(String service) {
        String address = addresses.apply(service);
        if (address == null || address.isBlank()) {
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                    "no gRPC address configured for " + service + ": set switchboard.services."
                            + ServiceKeys.kebab(service) + ".client.address", Map.of());
        }
        return ClientInterceptors.intercept(
                channels.get().createChannel(address, onePolicyLayer()),
                new CallHeaders());
    }

    /** Spring gRPC types its customizer by the concrete builder; this one applies to any. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ChannelBuilderOptions onePolicyLayer() {
        GrpcChannelBuilderCustomizer customizer = (target, builder) ->
                ((ManagedChannelBuilder<?>) builder).disableRetry().defaultLoadBalancingPolicy("round_robin");
        return ChannelBuilderOptions.defaults().withCustomizer(customizer);
    }
}
