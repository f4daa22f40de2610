package dev.switchboard.grpc.server;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.runtime.stream.StreamSource;
import dev.switchboard.grpc.GrpcServiceBinding;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects one service's methods. Each server-side method reads requests as {@link Incoming}
 * values, so malformed bytes reach the handler as INVALID_ARGUMENT instead of failing in gRPC.
 */
final class DefaultGrpcServiceBinding implements GrpcServiceBinding {

    private final String serviceName;
    private final Supplier<FileDescriptor> schema;
    private final CallHandlers calls;
    private final List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();

    DefaultGrpcServiceBinding(String serviceName, Supplier<FileDescriptor> schema, CallHandlers calls) {
        this.serviceName = serviceName;
        this.schema = schema;
        this.calls = calls;
    }

    @Override
    public <I, O> GrpcServiceBinding unary(
            OperationDescriptor operation, MethodDescriptor<I, O> method, Function<I, O> handler) {
        return add(method, calls.unary(operation, handler));
    }

    @Override
    public <I, O> GrpcServiceBinding serverStreaming(
            OperationDescriptor operation, MethodDescriptor<I, O> method, BiConsumer<I, StreamSink<O>> handler) {
        return add(method, calls.serverStreaming(operation, handler));
    }

    @Override
    public <I, O> GrpcServiceBinding clientStreaming(
            OperationDescriptor operation, MethodDescriptor<I, O> method, Function<StreamSource<I>, O> handler) {
        return add(method, calls.bidiStreaming(operation, (requests, responses) -> responses.send(handler.apply(requests))));
    }

    @Override
    public <I, O> GrpcServiceBinding bidiStreaming(
            OperationDescriptor operation, MethodDescriptor<I, O> method,
            BiConsumer<StreamSource<I>, StreamSink<O>> handler) {
        return add(method, calls.bidiStreaming(operation, handler));
    }

    private <I, O> GrpcServiceBinding add(MethodDescriptor<I, O> method, ServerCallHandler<Incoming<I>, O> handler) {
        if (!serviceName.equals(method.getServiceName())) {
            throw new IllegalArgumentException(method.getFullMethodName() + " is not a method of " + serviceName);
        }
        MethodDescriptor<Incoming<I>, O> serverSide = method.toBuilder(
                Incoming.marshaller(method.getRequestMarshaller()), method.getResponseMarshaller()).build();
        methods.add(ServerMethodDefinition.create(serverSide, handler));
        return this;
    }

    @Override
    public ServerServiceDefinition build() {
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(serviceName)
                .setSchemaDescriptor(new Schema(schema, serviceName));
        methods.forEach(method -> descriptor.addMethod(method.getMethodDescriptor()));
        ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(definition::addMethod);
        return definition.build();
    }

    /** What gRPC reflection reads to describe the service: the contract's own descriptors. */
    private static final class Schema implements ProtoFileDescriptorSupplier, ProtoServiceDescriptorSupplier {
        private final Supplier<FileDescriptor> file;
        private final String serviceName;

        Schema(Supplier<FileDescriptor> file, String serviceName) {
            this.file = file;
            this.serviceName = serviceName;
        }

        @Override
        public FileDescriptor getFileDescriptor() {
            return file.get();
        }

        @Override
        public Descriptors.ServiceDescriptor getServiceDescriptor() {
            FileDescriptor descriptor = file.get();
            String simpleName = serviceName.substring(serviceName.lastIndexOf('.') + 1);
            return descriptor.findServiceByName(simpleName);
        }
    }
}
