package dev.switchboard.runtime;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a failure that went through a future really was. */
public final class Failures {

    private Failures() {}

    /** The cause a {@code join()} ({@link CompletionException}) or {@code get()} ({@link ExecutionException}) wrapped. */
    public static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
