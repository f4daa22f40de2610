package dev.switchboard.runtime.messaging;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import java.util.Map;

/**
 * The one decision every transport makes after a failed handler: retry (with backoff) or
 * dead-letter, and the headers a dead letter carries so nothing about its failure is lost.
 */
public final class DeadLetters {

    public static final String REASON = "sbdlreason";
    public static final String CODE = "sbdlcode";
    public static final String ATTEMPTS = "sbdlattempts";
    public static final String ORIGINAL_DESTINATION = "sbdldestination";
    public static final String ORIGINAL_GROUP = "sbdlgroup";

    private DeadLetters() {}

    /** Whether another attempt is worth it: a retryable code and attempts left. */
    public static boolean shouldRetry(Throwable failure, int attempt, int maxAttempts) {
        return attempt < maxAttempts && codeOf(failure).isRetryable();
    }

    public static ErrorCode codeOf(Throwable failure) {
        return failure instanceof SwitchboardException known ? known.code() : ErrorCode.UNKNOWN;
    }

    /** {@code message} as it goes to the dead-letter destination, with why, after how many attempts, from where. */
    public static Message deadLetter(Message message, Throwable failure, int attempts, String destination, String group) {
        return message.withHeaders(headers(failure, attempts, destination, group));
    }

    /** The headers a dead letter carries: why, after how many attempts, from where. */
    public static Map<String, String> headers(Throwable failure, int attempts, String destination, String group) {
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return Map.of(
                REASON, reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                CODE, codeOf(failure).name(),
                ATTEMPTS, Integer.toString(attempts),
                ORIGINAL_DESTINATION, destination,
                ORIGINAL_GROUP, group);
    }
}
