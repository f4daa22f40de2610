package dev.switchboard.grpc.client;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.ErrorDecoder;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.pipeline.StreamOutcome;
import dev.switchboard.runtime.stream.BidiCall;
import dev.switchboard.runtime.stream.StreamSource;
import dev.switchboard.grpc.GrpcStatuses;
import dev.switchboard.grpc.MessageQueue;
import dev.switchboard.grpc.SendWindow;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.Iterator;
import java.util.Map;

/**
 * One streaming client call seen as blocking Java: sends wait for flow control, responses queue
 * for the reader, the call's end (OK or a status mapped to the contract's exceptions) ends the
 * response stream. Closing before the end cancels the call.
 */
final class StreamingCall<I, O> extends ClientCall.Listener<O> implements BidiCall<I, O> {

    private final ClientCall<I, O> call;
    private final ErrorDecoder errors;
    private final SendWindow window;
    private final MessageQueue<O> responses;
    private volatile boolean sentAny;

    StreamingCall(ClientCall<I, O> call, ErrorDecoder errors) {
        this.call = call;
        this.errors = errors;
        this.window = new SendWindow(call::isReady);
        this.responses = new MessageQueue<>(call::request, () -> call.cancel("the caller closed the stream", null));
    }

    /** Starts the call; {@code outcome} hears once whether the reader saw it end or fail, or closed it. */
    StreamingCall<I, O> start(StreamOutcome outcome) {
        responses.onEnd(outcome);
        call.start(this, new Metadata());
        responses.start();
        return this;
    }

    /**
     * Sends one request, first waiting for flow control; the first request goes at once, since a
     * Netty client stream only reports ready once something was written to it.
     */
    @Override
    public void send(I request) {
        if (sentAny) {
            window.await();
        } else if (window.isClosed()) {
            window.await();
        }
        sentAny = true;
        call.sendMessage(request);
    }

    @Override
    public void complete() {
        call.halfClose();
    }

    @Override
    public StreamSource<O> responses() {
        return responses;
    }

    @Override
    public void close() {
        responses.close();
    }

    /** Cancels the call without finishing the stream: for an attempt that failed while opening. */
    void cancel(RuntimeException cause) {
        call.cancel("the call failed while opening", cause);
    }

    /** For client streaming: the one answer once every request is sent, read up to the call's end (its status). */
    O single() {
        Iterator<O> answers = responses.iterator();
        if (!answers.hasNext()) {
            throw new SwitchboardException(ErrorCode.INTERNAL, ErrorCode.INTERNAL.name(),
                    "the server completed without an answer", Map.of());
        }
        O answer = answers.next();
        // The call's status follows the answer: wait for it, so an error is thrown and the end reported.
        answers.hasNext();
        return answer;
    }

    @Override
    public void onMessage(O message) {
        responses.offer(message);
    }

    @Override
    public void onReady() {
        window.signal();
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
        if (status.isOk()) {
            window.close(new SwitchboardException(ErrorCode.FAILED_PRECONDITION, ErrorCode.FAILED_PRECONDITION.name(),
                    "the server completed the call; it takes no more requests", Map.of()));
            responses.complete();
        } else {
            SwitchboardException failure = GrpcStatuses.toException(status.asRuntimeException(trailers), errors);
            window.close(failure);
            responses.fail(failure);
        }
    }
}
