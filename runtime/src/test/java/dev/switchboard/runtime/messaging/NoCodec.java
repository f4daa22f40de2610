package dev.switchboard.runtime.messaging;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import dev.switchboard.runtime.protobuf.ProtoCodec;

/** The codec of a descriptor whose payloads travel as JSON in a test: never used. */
final class NoCodec implements ProtoCodec<Object> {
    @Override
    public void write(Object value, CodedOutputStream out) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int size(Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object read(CodedInputStream in) {
        throw new UnsupportedOperationException();
    }
}
