package dev.switchboard.it.security;

import dev.switchboard.grpc.GrpcServer;
import dev.switchboard.grpc.GrpcServiceBinding;
import dev.switchboard.grpc.server.DefaultGrpcServer;
import dev.switchboard.rest.RestDecoder;
import dev.switchboard.rest.RestServer;
import dev.switchboard.rest.server.DefaultRestServer;
import dev.switchboard.rest.server.TraceIds;
import dev.switchboard.runtime.idempotency.IdempotencyStore;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.security.Access;
import dev.switchboard.runtime.security.CallerSource;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.runtime.stream.StreamSource;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call each Ledger operation, applied to the generated descriptors on their way into the
 * REST and gRPC servers: what a contract's {@code security} section makes the generator write
 * ({@code .withAccess(...)}) until this module's contract can say it. Everything else is the
 * starters' own wiring, with the application's {@link CallerSource}.
 */
@Configuration(proxyBeanMethods = false)
public class SecuredOperations {

    static final Map<String, Access> ACCESS = Map.of(
            "whoAmI", Access.scopes("ledger:read"),
            "relay", Access.scopes("ledger:relay"),
            "record", Access.scopes("ledger:write"),
            "ping", Access.PUBLIC);

    static OperationDescriptor secured(OperationDescriptor operation) {
        return operation.withAccess(ACCESS.getOrDefault(operation.name(), Access.AUTHENTICATED));
    }

    @Bean
    RestServer securedRestServer(PolicyEngine policies, ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<JsonMapper> json, IdempotencyStore idempotency, TraceIds traceIds, CallerSource callers) {
        RestServer server = new DefaultRestServer(policies, observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                json.getIfAvailable(() -> JsonMapper.builder().build()), idempotency, traceIds, callers);
        return new RestServer() {
            @Override
            public <I, O> ServerResponse unary(OperationDescriptor operation, ServerRequest request,
                    RestDecoder<I> decoder, Function<I, O> handler) {
                return server.unary(secured(operation), request, decoder, handler);
            }

            @Override
            public <I, O> ServerResponse serverStream(OperationDescriptor operation, ServerRequest request,
                    RestDecoder<I> decoder, BiConsumer<I, StreamSink<O>> handler) {
                return server.serverStream(secured(operation), request, decoder, handler);
            }
        };
    }

    @Bean
    GrpcServer securedGrpcServer(PolicyEngine policies, ObjectProvider<ObservationRegistry> observations,
            CallerSource callers) {
        DefaultGrpcServer server = new DefaultGrpcServer(policies,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), callers);
        return (name, schema) -> new SecuredBinding(server.bind(name, schema));
    }

    private record SecuredBinding(GrpcServiceBinding binding) implements GrpcServiceBinding {

        @Override
        public <I, O> GrpcServiceBinding unary(OperationDescriptor operation, MethodDescriptor<I, O> method,
                Function<I, O> handler) {
            return new SecuredBinding(binding.unary(secured(operation), method, handler));
        }

        @Override
        public <I, O> GrpcServiceBinding serverStreaming(OperationDescriptor operation, MethodDescriptor<I, O> method,
                BiConsumer<I, StreamSink<O>> handler) {
            return new SecuredBinding(binding.serverStreaming(secured(operation), method, handler));
        }

        @Override
        public <I, O> GrpcServiceBinding clientStreaming(OperationDescriptor operation, MethodDescriptor<I, O> method,
                Function<StreamSource<I>, O> handler) {
            return new SecuredBinding(binding.clientStreaming(secured(operation), method, handler));
        }

        @Override
        public <I, O> GrpcServiceBinding bidiStreaming(OperationDescriptor operation, MethodDescriptor<I, O> method,
                BiConsumer<StreamSource<I>, StreamSink<O>> handler) {
            return new SecuredBinding(binding.bidiStreaming(secured(operation), method, handler));
        }

        @Override
        public ServerServiceDefinition build() {
            return binding.build();
        }
    }
}
