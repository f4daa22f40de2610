package dev.switchboard.codegen.build;

import dev.switchboard.codegen.writer.WriteReport;

/**
 * How a generation ended when it did not fail.
 *
 * @param report what was written; null when skipped
 */
public record GenerationResult(Outcome outcome, WriteReport report) {

    public enum Outcome {
        /** Inputs unchanged since the last generation and its files all present: nothing done. */
        SKIPPED_UNCHANGED,
        /** Contracts read and files brought up to date. */
        GENERATED
    }
}
