package dev.switchboard.rest;

/**
 * How one scalar contract type is spelled in a URL (path variable or query parameter), both ways.
 * The constants live in {@link RestValues}; server and client use the same ones, so what a
 * generated client writes, a generated controller reads.
 */
public interface RestValue<T> {

    /** The value of {@code text}; throws {@link IllegalArgumentException} saying what was expected. */
    T parse(String text);

    /** How {@code value} is written in a URL. */
    String format(T value);

    /** The value of an absent non-optional parameter: {@code ""}, {@code 0}, {@code false}, {@code UNSPECIFIED}. */
    T absent();

    /** What the value should look like, for error messages: {@code an int32}, {@code one of PENDING, CONFIRMED}. */
    String expected();
}
