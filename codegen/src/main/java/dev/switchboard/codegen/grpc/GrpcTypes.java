package dev.switchboard.codegen.grpc;

import com.palantir.javapoet.ClassName;
import dev.switchboard.contract.model.ServiceContract;

/** The grpc-java, protobuf and switchboard-grpc types generated gRPC code refers to, and the names it gives its own classes. */
final class GrpcTypes {

    private static final String GRPC = "dev.switchboard.grpc";

    static final ClassName GRPC_SERVER = ClassName.get(GRPC, "GrpcServer");
    static final ClassName GRPC_CALLER = ClassName.get(GRPC, "GrpcCaller");
    static final ClassName GRPC_CALLERS = ClassName.get(GRPC, "GrpcCallers");
    static final ClassName GRPC_METHODS = ClassName.get(GRPC, "GrpcMethods");

    static final ClassName METHOD_DESCRIPTOR = ClassName.get("io.grpc", "MethodDescriptor");
    static final ClassName BINDABLE_SERVICE = ClassName.get("io.grpc", "BindableService");
    static final ClassName SERVER_SERVICE_DEFINITION = ClassName.get("io.grpc", "ServerServiceDefinition");

    static final ClassName FILE_DESCRIPTOR = ClassName.get("com.google.protobuf", "Descriptors", "FileDescriptor");
    static final ClassName TIMESTAMP_PROTO = ClassName.get("com.google.protobuf", "TimestampProto");
    static final ClassName DURATION_PROTO = ClassName.get("com.google.protobuf", "DurationProto");

    /**
     * The configurations that look for {@code BindableService} beans (server, reflection, health): ours must come
     * first. Spring gRPC 1.0's (Spring Boot 4.0), then Spring Boot 4.1's own, where gRPC moved into Boot; a name
     * absent from the class path orders nothing.
     */
    static final String[] SPRING_GRPC_SERVER_CONFIGURATIONS = {
        "org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration",
        "org.springframework.boot.grpc.server.autoconfigure.GrpcServerReflectionAutoConfiguration",
        "org.springframework.boot.grpc.server.autoconfigure.health.GrpcServerHealthAutoConfiguration",
        "org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration",
        "org.springframework.boot.grpc.server.autoconfigure.GrpcServerServicesAutoConfiguration",
    };

    private GrpcTypes() {}

    static ClassName descriptors(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "Grpc");
    }

    static ClassName service(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "GrpcService");
    }

    static ClassName client(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "GrpcClient");
    }

    static ClassName configuration(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "GrpcConfiguration");
    }
}
