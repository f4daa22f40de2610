package dev.switchboard.samples.flow;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watches a customer's orders over gRPC server streaming with a bare grpc-java channel and the
 * message bytes written by hand from the exported {@code orders.proto}: any gRPC client can, no
 * generated code needed. The customer's token travels as {@code authorization} metadata.
 */
public final class OrderWatch {

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private static final MethodDescriptor<byte[], byte[]> WATCH_ORDERS = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
            .setFullMethodName("dev.switchboard.samples.orders.Orders/WatchOrders")
            .setRequestMarshaller(BYTES)
            .setResponseMarshaller(BYTES)
            .build();

    private OrderWatch() {}

    /** The ids of the customer's first {@code limit} orders, as the stream sends them; {@code token} as bearer. */
    public static List<String> firstOrders(String address, String customerId, int limit, String token) {
        Metadata credentials = new Metadata();
        credentials.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        ManagedChannel channel = ManagedChannelBuilder.forTarget(address).usePlaintext()
                .intercept(MetadataUtils.newAttachHeadersInterceptor(credentials)).build();
        try {
            Iterator<byte[]> orders = ClientCalls.blockingServerStreamingCall(channel, WATCH_ORDERS,
                    CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), request(customerId, limit));
            List<String> ids = new ArrayList<>();
            while (orders.hasNext()) {
                // Order.id is field 1.
                List<ByteString> id = UnknownFieldSet.parseFrom(orders.next()).getField(1).getLengthDelimitedList();
                ids.add(id.isEmpty() ? "" : id.get(0).toStringUtf8());
            }
            return ids;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("not an Order", e);
        } finally {
            channel.shutdownNow();
        }
    }

    /** WatchOrdersRequest: customerId (1), limit (2). */
    private static byte[] request(String customerId, int limit) {
        try {
            byte[] bytes = new byte[CodedOutputStream.computeStringSize(1, customerId) + CodedOutputStream.computeInt32Size(2, limit)];
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeString(1, customerId);
            out.writeInt32(2, limit);
            return bytes;
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
