package dev.switchboard.grpc;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.switchboard.runtime.protobuf.ProtoCodec;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import java.util.Base64;

/**
 * Method descriptors for generated gRPC bindings and clients: full names as the exported
 * {@code .proto} declares them, codecs as marshallers.
 */
public final class GrpcMethods {

    private GrpcMethods() {}

    public static <I, O> MethodDescriptor<I, O> unary(
            String service, String method, ProtoCodec<I> input, ProtoCodec<O> output) {
        return method(MethodType.UNARY, service, method, input, output);
    }

    public static <I, O> MethodDescriptor<I, O> serverStreaming(
            String service, String method, ProtoCodec<I> input, ProtoCodec<O> output) {
        return method(MethodType.SERVER_STREAMING, service, method, input, output);
    }

    public static <I, O> MethodDescriptor<I, O> clientStreaming(
            String service, String method, ProtoCodec<I> input, ProtoCodec<O> output) {
        return method(MethodType.CLIENT_STREAMING, service, method, input, output);
    }

    public static <I, O> MethodDescriptor<I, O> bidiStreaming(
            String service, String method, ProtoCodec<I> input, ProtoCodec<O> output) {
        return method(MethodType.BIDI_STREAMING, service, method, input, output);
    }

    /**
     * The contract's file descriptor from its serialized, base64-encoded form, linked to the
     * well-known files it imports (in the order it lists them).
     */
    public static FileDescriptor fileDescriptor(String base64, FileDescriptor... dependencies) {
        try {
            FileDescriptorProto proto = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(base64));
            return FileDescriptor.buildFrom(proto, dependencies);
        } catch (InvalidProtocolBufferException | DescriptorValidationException broken) {
            throw new IllegalStateException("the generated descriptor does not load; regenerate the sources", broken);
        }
    }

    private static <I, O> MethodDescriptor<I, O> method(
            MethodType type, String service, String method, ProtoCodec<I> input, ProtoCodec<O> output) {
        return MethodDescriptor.<I, O>newBuilder()
                .setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(service, method))
                .setRequestMarshaller(ProtoMarshaller.of(input))
                .setResponseMarshaller(ProtoMarshaller.of(output))
                .setSampledToLocalTracing(true)
                .build();
    }
}
