package dev.switchboard.test;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TimestampProto;
import dev.switchboard.codegen.protobuf.FileDescriptors;
import dev.switchboard.contract.ProtoNames;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.grpc.GrpcStatuses;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The stub's gRPC face: every operation of the contract as the exported {@code .proto} declares it, on a real
 * grpc-java server on a free port. Messages are decoded and encoded under the contract's own file descriptor (the
 * one generated services embed), so no generated class of the stubbed service is needed; errors travel as the
 * generated services send them (a status with {@code ErrorInfo} naming the contract error).
 */
final class GrpcStubServer implements AutoCloseable {

    private static final Context.Key<Metadata> HEADERS = Context.key("switchboard-stub-headers");

    private final ContractStub stub;
    private final Server server;

    GrpcStubServer(ContractStub stub) {
        this.stub = stub;
        ServiceContract contract = stub.contract();
        FileDescriptor file = descriptor(contract);
        String serviceName = contract.javaPackage() + "." + contract.service();
        ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(serviceName);
        for (Operation operation : contract.operations()) {
            Descriptor input = file.findMessageTypeByName(operation.input());
            Descriptor output = file.findMessageTypeByName(operation.output());
            MethodDescriptor<DynamicMessage, DynamicMessage> method = MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                    .setType(type(operation))
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(serviceName, ProtoNames.methodName(operation.name())))
                    .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(input)))
                    .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(output)))
                    .build();
            service.addMethod(method, handler(operation, method, output));
        }
        ServerInterceptor headers = new ServerInterceptor() {
            @Override
            public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call, Metadata metadata,
                    ServerCallHandler<Q, R> next) {
                return Contexts.interceptCall(Context.current().withValue(HEADERS, metadata), call, metadata, next);
            }
        };
        try {
            server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                    .addService(ServerInterceptors.intercept(service.build(), headers))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the gRPC stub of " + contract.service(), e);
        }
    }

    /** Whether grpc-java and Switchboard's gRPC module are on the class path, as they are for a gRPC caller. */
    static boolean available() {
        try {
            Class.forName("io.grpc.Server", false, GrpcStubServer.class.getClassLoader());
            Class.forName("dev.switchboard.grpc.GrpcStatuses", false, GrpcStubServer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    /** A target a channel takes: {@code 127.0.0.1:<port>}. */
    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ServerCallHandler<DynamicMessage, DynamicMessage> handler(Operation operation,
            MethodDescriptor<DynamicMessage, DynamicMessage> method, Descriptor output) {
        if (!operation.inputStream()) {
            return ServerCalls.asyncUnaryCall((request, responses) ->
                    respond(operation, method, ProtoJson.toJson(request), output, responses));
        }
        return operation.outputStream()
                ? ServerCalls.asyncBidiStreamingCall(responses -> collect(operation, method, output, responses))
                : ServerCalls.asyncClientStreamingCall(responses -> collect(operation, method, output, responses));
    }

    /** A client stream, read to its end and then answered, recorded as one call whose body is the array. */
    private StreamObserver<DynamicMessage> collect(Operation operation, MethodDescriptor<?, ?> method, Descriptor output,
            StreamObserver<DynamicMessage> responses) {
        Context call = Context.current();
        return new StreamObserver<>() {
            private final List<JsonNode> requests = new ArrayList<>();

            @Override
            public void onNext(DynamicMessage request) {
                requests.add(ProtoJson.toJson(request));
            }

            @Override
            public void onError(Throwable cancelled) {
                // The caller went away; nothing to answer.
            }

            @Override
            public void onCompleted() {
                call.run(() -> respond(operation, method, JsonNodeFactory.instance.arrayNode().addAll(requests), output,
                        responses));
            }
        };
    }

    private void respond(Operation operation, MethodDescriptor<?, ?> method, JsonNode body, Descriptor output,
            StreamObserver<DynamicMessage> responses) {
        Map<String, String> headers = new LinkedHashMap<>();
        Metadata metadata = HEADERS.get();
        for (String key : metadata.keys()) {
            if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                headers.put(key.toLowerCase(Locale.ROOT), metadata.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)));
            }
        }
        OperationScript.Response response = stub.respond(new RecordedCall(operation.name(), "grpc", "POST",
                "/" + method.getFullMethodName(), Map.of(), headers, body));
        if (response.failure() != null) {
            responses.onError(GrpcStatuses.toStatus(response.failure(), stub.service()));
            return;
        }
        for (JsonNode answer : response.answers()) {
            responses.onNext(ProtoJson.toMessage(output, answer));
        }
        responses.onCompleted();
    }

    private static MethodDescriptor.MethodType type(Operation operation) {
        if (operation.inputStream()) {
            return operation.outputStream() ? MethodDescriptor.MethodType.BIDI_STREAMING : MethodDescriptor.MethodType.CLIENT_STREAMING;
        }
        return operation.outputStream() ? MethodDescriptor.MethodType.SERVER_STREAMING : MethodDescriptor.MethodType.UNARY;
    }

    /** The contract's file descriptor, with the well-known files it imports. */
    private static FileDescriptor descriptor(ServiceContract contract) {
        FileDescriptorProto proto = FileDescriptors.of(contract);
        List<FileDescriptor> imports = new ArrayList<>();
        for (String dependency : proto.getDependencyList()) {
            imports.add(dependency.equals(TimestampProto.getDescriptor().getName())
                    ? TimestampProto.getDescriptor() : DurationProto.getDescriptor());
        }
        try {
            return FileDescriptor.buildFrom(proto, imports.toArray(FileDescriptor[]::new));
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException("the contract of " + contract.service() + " has no valid descriptor", e);
        }
    }
}
