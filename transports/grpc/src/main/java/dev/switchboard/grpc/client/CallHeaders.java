package dev.switchboard.grpc.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts the headers of one logical call (the trace context an observation wrote) on every attempt,
 * carried to the channel in the call options.
 */
final class CallHeaders implements ClientInterceptor {

    static final CallOptions.Key<Map<String, String>> KEY = CallOptions.Key.create("switchboard-headers");
    private static final Map<String, Metadata.Key<String>> KEYS = new ConcurrentHashMap<>();

    @Override
    public <I, O> ClientCall<I, O> interceptCall(MethodDescriptor<I, O> method, CallOptions options, Channel next) {
        Map<String, String> headers = options.getOption(KEY);
        ClientCall<I, O> call = next.newCall(method, options);
        if (headers == null || headers.isEmpty()) {
            return call;
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
            @Override
            public void start(Listener<O> listener, Metadata metadata) {
                headers.forEach((name, value) -> {
                    Metadata.Key<String> key = KEYS.computeIfAbsent(name,
                            n -> Metadata.Key.of(n, Metadata.ASCII_STRING_MARSHALLER));
                    metadata.removeAll(key);
                    metadata.put(key, value);
                });
                super.start(listener, metadata);
            }
        };
    }
}
