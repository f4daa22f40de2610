package dev.switchboard.grpc;

import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.runtime.stream.StreamSource;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** One service's methods, each bound to a handler of the matching shape. */
public interface GrpcServiceBinding {

    <I, O> GrpcServiceBinding unary(
            OperationDescriptor operation, MethodDescriptor<I, O> method, Function<I, O> handler);

    <I, O> GrpcServiceBinding serverStreaming(
            OperationDescriptor operation, MethodDescriptor<I, O> method, BiConsumer<I, StreamSink<O>> handler);

    <I, O> GrpcServiceBinding clientStreaming(
            OperationDescriptor operation, MethodDescriptor<I, O> method, Function<StreamSource<I>, O> handler);

    <I, O> GrpcServiceBinding bidiStreaming(
            OperationDescriptor operation, MethodDescriptor<I, O> method,
            BiConsumer<StreamSource<I>, StreamSink<O>> handler);

    /** The definition gRPC serves, with the contract's descriptors for reflection. */
    ServerServiceDefinition build();
}
