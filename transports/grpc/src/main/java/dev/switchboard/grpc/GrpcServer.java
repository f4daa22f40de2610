package dev.switchboard.grpc;

import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.function.Supplier;

/**
 * What every generated gRPC service delegates to: the server policy (incoming deadline,
 * concurrency and rate limit), request decoding and validation, observation, the user's handler
 * inside its call context, and errors as statuses with details.
 */
public interface GrpcServer {

    /**
     * Starts the definition of one contract service.
     *
     * @param serviceName the full protobuf name, e.g. {@code com.example.orders.Orders}
     * @param schema      the exported {@code .proto} as a descriptor, served by reflection
     */
    GrpcServiceBinding bind(String serviceName, Supplier<FileDescriptor> schema);
}
