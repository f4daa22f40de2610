package dev.switchboard.rest;

/** Builds an operation's input record from an HTTP request; generated per operation. */
@FunctionalInterface
public interface RestDecoder<I> {

    I decode(RestCall call);
}
