package com.example.tracking;

import dev.switchboard.runtime.stream.BidiCall;

/**
 * Compiles only when TrackingClient declares the bidirectional stream: when gRPC is the one client
 * transport of the build.
 */
public final class ParcelWatcher {

    private final TrackingClient client;

    public ParcelWatcher(TrackingClient client) {
        this.client = client;
    }

    public Parcel whereIs(String id) {
        try (BidiCall<ParcelId, Parcel> follow = client.followParcels()) {
            follow.send(new ParcelId(id));
            follow.complete();
            return follow.responses().iterator().next();
        }
    }
}
