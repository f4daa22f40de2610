package dev.switchboard.grpc.server;

import com.google.protobuf.Descriptors.FileDescriptor;
import dev.switchboard.runtime.observation.ServerObservations;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.security.CallerSource;
import dev.switchboard.grpc.GrpcServer;
import dev.switchboard.grpc.GrpcServiceBinding;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Binds generated services. Unary handlers run on gRPC's executor; streaming handlers block on
 * their streams, so they run on a thread of their own and leave gRPC's executor free to deliver
 * the messages, flow-control signals and cancellations they wait for.
 */
public final class DefaultGrpcServer implements GrpcServer, AutoCloseable {

    private final CallHandlers calls;
    private final Executor streamHandlers;

    /** A server without authentication: operations that are not public refuse every call. */
    public DefaultGrpcServer(PolicyEngine policies, ObservationRegistry observations) {
        this(policies, observations, CallerSource.ANONYMOUS);
    }

    /** @param callers who is calling, as the application's security (Spring gRPC's interceptor) found */
    public DefaultGrpcServer(PolicyEngine policies, ObservationRegistry observations, CallerSource callers) {
        this(policies, new ServerObservations(observations), callers);
    }

    /** @param observations how calls are observed: nested in Spring gRPC's own observation when it has one */
    public DefaultGrpcServer(PolicyEngine policies, ServerObservations observations, CallerSource callers) {
        this(policies, observations, callers, Executors.newCachedThreadPool(new HandlerThreads()));
    }

    /**
     * @param streamHandlers where streaming handlers run, one task per open stream (virtual threads, say);
     *                       closed with the server when it can be
     */
    public DefaultGrpcServer(PolicyEngine policies, ServerObservations observations, CallerSource callers,
            Executor streamHandlers) {
        this.streamHandlers = streamHandlers;
        this.calls = new CallHandlers(policies, observations, callers, streamHandlers);
    }

    @Override
    public GrpcServiceBinding bind(String serviceName, Supplier<FileDescriptor> schema) {
        return new DefaultGrpcServiceBinding(serviceName, schema, calls);
    }

    @Override
    public void close() throws Exception {
        if (streamHandlers instanceof ExecutorService pool) {
            pool.shutdown();
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } else if (streamHandlers instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static final class HandlerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "switchboard-grpc-stream-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
