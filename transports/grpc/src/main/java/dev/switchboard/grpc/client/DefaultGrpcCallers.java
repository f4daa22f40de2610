package dev.switchboard.grpc.client;

import dev.switchboard.grpc.GrpcCaller;
import dev.switchboard.grpc.GrpcCallers;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.ErrorDecoder;
import dev.switchboard.runtime.ServiceKeys;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.observation.ClientObservations;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.security.DownstreamCredentials;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannelBuilder;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One channel per downstream service, made by whoever owns channels in the application (Spring
 * gRPC's channel factory under the starter, so its TLS, interceptors and observation apply).
 * Channel builders must pass through {@link #configure}: round-robin over every address the
 * target resolves to, and grpc-java's built-in retry off, since the policy engine retries and
 * attempts must never multiply.
 */
public final class DefaultGrpcCallers implements GrpcCallers {

    private final Function<String, Channel> channels;
    private final Function<String, String> addresses;
    private final PolicyEngine policies;
    private final ClientObservations observations;
    private final DownstreamCredentials credentials;
    private final Map<String, Channel> byService = new ConcurrentHashMap<>();

    /**
     * @param channels  gRPC target → a channel to it, its builder passed through {@link #configure}
     * @param addresses service name → gRPC target ({@code host:port}, {@code dns:///host:port}), or null
     */
    public DefaultGrpcCallers(Function<String, Channel> channels, Function<String, String> addresses,
            PolicyEngine policies, ObservationRegistry observations) {
        this(channels, addresses, policies, observations, DownstreamCredentials.NONE);
    }

    /** @param credentials the bearer token each call to a service carries, if any */
    public DefaultGrpcCallers(Function<String, Channel> channels, Function<String, String> addresses,
            PolicyEngine policies, ObservationRegistry observations, DownstreamCredentials credentials) {
        this(channels, addresses, policies, new ClientObservations(observations), credentials);
    }

    /** @param observations how calls are observed (metered only in unsampled traces, see {@link ClientObservations}) */
    public DefaultGrpcCallers(Function<String, Channel> channels, Function<String, String> addresses,
            PolicyEngine policies, ClientObservations observations, DownstreamCredentials credentials) {
        this.channels = channels;
        this.addresses = addresses;
        this.policies = policies;
        this.observations = observations;
        this.credentials = credentials;
    }

    /** What every channel of a generated client needs: one retry layer (ours) and round-robin balancing. */
    public static void configure(ManagedChannelBuilder<?> builder) {
        builder.disableRetry().defaultLoadBalancingPolicy("round_robin");
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
        return ClientInterceptors.intercept(channels.apply(address), new CallHeaders(),
                new BearerCredentials(service, credentials));
    }
}
