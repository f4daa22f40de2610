package dev.switchboard.contract.model;

/** The four gRPC call shapes. REST carries only the first two. */
public enum StreamingMode {
    UNARY,
    SERVER_STREAMING,
    CLIENT_STREAMING,
    BIDI_STREAMING;

    public static StreamingMode of(boolean inputStream, boolean outputStream) {
        if (inputStream) {
            return outputStream ? BIDI_STREAMING : CLIENT_STREAMING;
        }
        return outputStream ? SERVER_STREAMING : UNARY;
    }

    public boolean restAllowed() {
        return this == UNARY || this == SERVER_STREAMING;
    }
}
