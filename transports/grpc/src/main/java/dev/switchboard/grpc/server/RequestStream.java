package dev.switchboard.grpc.server;

import dev.switchboard.grpc.MessageQueue;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.pipeline.ServerPipeline;
import dev.switchboard.runtime.stream.StreamSource;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Iterator;
import java.util.Map;

/**
 * The requests of a client or bidirectional stream: gRPC feeds them in as an observer (each message,
 * the end, or the client cancelling), the handler reads them as a stream, each decoded and validated
 * as it is read, a malformed one failing the read with INVALID_ARGUMENT. Flow control is the queue's:
 * requests are asked for as the handler takes them.
 */
final class RequestStream<I> implements StreamSource<I>, StreamObserver<Incoming<I>> {

    private final MessageQueue<Incoming<I>> queue;

    RequestStream(ServerCallStreamObserver<?> call) {
        call.disableAutoRequest();
        this.queue = new MessageQueue<>(call::request, () -> {});
    }

    /** Asks for the first requests; once the call is admitted. */
    RequestStream<I> start() {
        queue.start();
        return this;
    }

    @Override
    public void onNext(Incoming<I> request) {
        queue.offer(request);
    }

    @Override
    public void onError(Throwable cancelled) {
        queue.fail(new SwitchboardException(ErrorCode.CANCELLED, ErrorCode.CANCELLED.name(),
                "the client cancelled the call or went away", Map.of(), cancelled));
    }

    @Override
    public void onCompleted() {
        queue.complete();
    }

    @Override
    public Iterator<I> iterator() {
        Iterator<Incoming<I>> raw = queue.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return raw.hasNext();
            }

            @Override
            public I next() {
                return ServerPipeline.validated(raw.next().get());
            }
        };
    }

    @Override
    public void close() {
        queue.close();
    }
}
