package dev.switchboard.runtime.observation;

import java.util.Locale;

/** Which side of an interaction an observation records; the {@code kind} key. */
public enum CallKind {
    SERVER,
    CLIENT,
    PRODUCER,
    CONSUMER;

    /** The key value: {@code server}, {@code client}, {@code producer}, {@code consumer}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
