package dev.switchboard.contract.read;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads durations written as a whole number and a unit: {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}. */
public final class DurationParser {

    /** The accepted spelling; the JSON Schema uses the same pattern. */
    public static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h)");

    private static final Pattern UNITLESS = Pattern.compile("[0-9]+");

    private DurationParser() {}

    /** The duration, or null when the text is not one; {@code 0s} is a duration (callers check positivity). */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException tooLarge) {
            return null;
        }
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** The positive duration, or null (reported). */
    static Duration parse(ScalarNode scalar, String subject, Problems problems) {
        String text = scalar.getValue();
        Duration duration = parse(text);
        if (duration == null) {
            String fix = UNITLESS.matcher(text.trim()).matches()
                    ? "add a unit: " + text.trim() + "ms or " + text.trim() + "s"
                    : "write a whole number and a unit ms, s, m or h, e.g. 500ms, 2s, 1m";
            problems.add(scalar, subject + " is '" + text + "', which is not a duration", fix);
            return null;
        }
        if (duration.isZero()) {
            problems.add(scalar, subject + " is " + text + ", but a duration must be greater than zero",
                    "write a positive duration such as 500ms");
            return null;
        }
        return duration;
    }
}
