package dev.switchboard.grpc.client;

import dev.switchboard.runtime.security.DownstreamCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Optional;

/**
 * Adds {@code authorization: Bearer <token>} to each call to one service. Ours rather than Spring
 * gRPC 1.0's {@code BearerTokenAuthenticationInterceptor}, which needs spring-security-config on a
 * client (spring-projects/spring-grpc#409). The token is looked up when the call is made, on the
 * caller's thread, where a forwarded token's {@code CallContext} is.
 */
final class BearerCredentials implements ClientInterceptor {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final String service;
    private final DownstreamCredentials credentials;

    BearerCredentials(String service, DownstreamCredentials credentials) {
        this.service = service;
        this.credentials = credentials;
    }

    @Override
    public <I, O> ClientCall<I, O> interceptCall(MethodDescriptor<I, O> method, CallOptions options, Channel next) {
        Optional<String> token = credentials.bearerToken(service);
        ClientCall<I, O> call = next.newCall(method, options);
        if (token.isEmpty()) {
            return call;
        }
        return new SimpleForwardingClientCall<>(call) {
            @Override
            public void start(Listener<O> responses, Metadata headers) {
                headers.put(AUTHORIZATION, "Bearer " + token.get());
                super.start(responses, headers);
            }
        };
    }
}
