package dev.switchboard.rest;

import dev.switchboard.runtime.Bytes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The URL spelling of every scalar contract type. */
public final class RestValues {

    public static final RestValue<String> STRING = of("a string", "", text -> text, text -> text);
    public static final RestValue<Boolean> BOOL = of("true or false", false, RestValues::bool, String::valueOf);
    public static final RestValue<Integer> INT32 = of("an int32", 0, Integer::parseInt, String::valueOf);
    public static final RestValue<Long> INT64 = of("an int64", 0L, Long::parseLong, String::valueOf);
    /** Unsigned 32-bit, carried in a Java {@code int}. */
    public static final RestValue<Integer> UINT32 =
            of("a uint32", 0, Integer::parseUnsignedInt, Integer::toUnsignedString);
    /** Unsigned 64-bit, carried in a Java {@code long}. */
    public static final RestValue<Long> UINT64 = of("a uint64", 0L, Long::parseUnsignedLong, Long::toUnsignedString);
    public static final RestValue<Float> FLOAT = of("a float", 0f, Float::parseFloat, String::valueOf);
    public static final RestValue<Double> DOUBLE = of("a double", 0d, Double::parseDouble, String::valueOf);
    public static final RestValue<BigDecimal> DECIMAL = of("a decimal", null, BigDecimal::new, BigDecimal::toPlainString);
    /** ISO-8601 instant, {@code 2026-11-24T10:15:30Z}. */
    public static final RestValue<Instant> TIMESTAMP =
            of("an ISO-8601 instant like 2026-11-24T10:15:30Z", null, Instant::parse, Instant::toString);
    /** ISO-8601 duration, {@code PT1.5S}. */
    public static final RestValue<Duration> DURATION =
            of("an ISO-8601 duration like PT1.5S", null, Duration::parse, Duration::toString);
    /** Base64 (URL-safe accepted). */
    public static final RestValue<Bytes> BYTES = of("base64", Bytes.EMPTY, RestValues::bytes,
            Bytes::toBase64);

    private RestValues() {}

    /** A generated enum by constant name; {@code UNRECOGNIZED} is never accepted, {@code UNSPECIFIED} is the absent value. */
    public static <E extends Enum<E>> RestValue<E> enumOf(Class<E> type) {
        E unspecified = Enum.valueOf(type, "UNSPECIFIED");
        String names = Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .filter(name -> !name.equals("UNRECOGNIZED"))
                .collect(Collectors.joining(", "));
        return of("one of " + names, unspecified, text -> {
            if (text.equals("UNRECOGNIZED")) {
                throw new IllegalArgumentException(text);
            }
            return Enum.valueOf(type, text);
        }, Enum::name);
    }

    private static boolean bool(String text) {
        if (text.equals("true")) {
            return true;
        }
        if (text.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(text);
    }

    private static Bytes bytes(String text) {
        byte[] decoded = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                ? Base64.getUrlDecoder().decode(text)
                : Base64.getDecoder().decode(text);
        return Bytes.of(decoded);
    }

    private static <T> RestValue<T> of(String expected, T absent, Function<String, T> parse, Function<T, String> format) {
        return new RestValue<>() {
            @Override
            public T parse(String text) {
                try {
                    return Objects.requireNonNull(parse.apply(text));
                } catch (RuntimeException invalid) {
                    throw new IllegalArgumentException("must be " + expected + ", got \"" + text + "\"", invalid);
                }
            }

            @Override
            public String format(T value) {
                return format.apply(value);
            }

            @Override
            public T absent() {
                return absent;
            }

            @Override
            public String expected() {
                return expected;
            }
        };
    }
}
