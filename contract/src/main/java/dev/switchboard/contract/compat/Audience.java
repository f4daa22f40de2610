package dev.switchboard.contract.compat;

/** Who a change can break: gRPC/protobuf callers, REST callers, event and command consumers. */
public enum Audience {
    GRPC,
    REST,
    EVENTS
}
