package dev.switchboard.grpc.server;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.grpc.SendWindow;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.Map;

/** A handler's response stream over gRPC: {@code send} waits for flow control and fails once the client has gone. */
final class ServerSink<T> implements StreamSink<T> {

    private final ServerCallStreamObserver<T> responses;
    private final SendWindow window;

    /** Must be created in gRPC's first callback for the call, where its handlers may be set. */
    ServerSink(ServerCallStreamObserver<T> responses) {
        this.responses = responses;
        this.window = new SendWindow(responses::isReady);
        responses.setOnReadyHandler(window::signal);
        responses.setOnCancelHandler(() -> window.close(new SwitchboardException(ErrorCode.CANCELLED,
                ErrorCode.CANCELLED.name(), "the client cancelled the call or went away", Map.of())));
    }

    @Override
    public void send(T message) {
        window.await();
        responses.onNext(message);
    }

    @Override
    public boolean isCancelled() {
        return window.isClosed() || responses.isCancelled();
    }
}
