package dev.switchboard.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keys as the stores' key columns hold them: message ids and {@code Idempotency-Key} values come
 * from outside and may be of any length, the columns are {@value #MAX_LENGTH} characters, so a
 * longer value is kept as its SHA-256 instead of failing the insert.
 */
public final class StoredKeys {

    public static final int MAX_LENGTH = 200;

    private StoredKeys() {}

    public static String bounded(String value) {
        if (value.length() <= MAX_LENGTH) {
            return value;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
