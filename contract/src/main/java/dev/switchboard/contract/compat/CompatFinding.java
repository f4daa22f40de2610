package dev.switchboard.contract.compat;

import dev.switchboard.contract.Position;
import java.util.Set;

/**
 * One difference between a baseline contract and the current one.
 *
 * @param severity whether it breaks existing callers
 * @param rule     the rule that found it, e.g. {@code field-tag-changed}
 * @param subject  what changed, e.g. {@code Order.note} or {@code operation getOrder}
 * @param position where: in the current contract, or in the baseline for what was removed
 * @param reason   why it breaks (or why it does not)
 * @param affects  who it breaks; empty for compatible changes
 */
public record CompatFinding(
        Severity severity, String rule, String subject, Position position, String reason, Set<Audience> affects) {

    public CompatFinding {
        affects = Set.copyOf(affects);
    }

    public boolean isBreaking() {
        return severity == Severity.BREAKING;
    }

    /** {@code service.yaml:12:7: BREAKING field-tag-changed Order.note: … (breaks GRPC)}. */
    @Override
    public String toString() {
        String who = affects.isEmpty() ? "" : " (breaks " + String.join(", ",
                affects.stream().sorted().map(Enum::name).toList()) + ")";
        return position + ": " + severity + " " + rule + " " + subject + ": " + reason + who;
    }

    public enum Severity {
        BREAKING,
        COMPATIBLE
    }
}
