package dev.switchboard.contract.read;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Conversions of YAML scalars to numbers, reporting values that are not what the format expects. */
final class Scalars {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?[0-9]+");
    /**
     * Digits a number may have on each side of the point: enough for any double, and few enough that
     * generated code and documents can spell the number out in full.
     */
    static final int MAX_DIGITS = 400;

    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private Scalars() {}

    /**
     * A decimal whole number that fits an int, or null (reported).
     *
     * @param subject what the value is, e.g. "tag of field Order.id"
     */
    static Integer integer(ScalarNode scalar, String subject, String fix, Problems problems) {
        String text = scalar.getValue().replace("_", "");
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            problems.add(scalar, subject + " must be a whole number, not '" + scalar.getValue() + "'", fix);
            return null;
        }
        if (scalar.getTag().equals(Tag.STR)) {
            problems.add(scalar, subject + " is the quoted text '" + scalar.getValue() + "', not a number",
                    "remove the quotes");
            return null;
        }
        BigInteger value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        if (value.bitLength() > 31) {
            problems.add(scalar, subject + " is " + scalar.getValue() + ", which is too large",
                    "use a number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
            return null;
        }
        return value.intValue();
    }

    /** A finite decimal number, or null (reported). */
    static BigDecimal number(ScalarNode scalar, String subject, Problems problems) {
        String text = scalar.getValue().replace("_", "");
        if (!DECIMAL.matcher(text).matches()) {
            problems.add(scalar, subject + " must be a number, not '" + scalar.getValue() + "'",
                    "write a plain number such as 0, 1.5 or -10");
            return null;
        }
        if (scalar.getTag().equals(Tag.STR) && scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            problems.add(scalar, subject + " is the quoted text '" + scalar.getValue() + "', not a number",
                    "remove the quotes");
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            value = null; // an exponent beyond what BigDecimal holds
        }
        if (value == null || value.precision() - value.scale() > MAX_DIGITS || value.scale() > MAX_DIGITS) {
            problems.add(scalar, subject + " is " + scalar.getValue() + ", which has more than " + MAX_DIGITS
                    + " digits before or after the decimal point", "write a number of at most " + MAX_DIGITS
                    + " digits on each side of the point");
            return null;
        }
        return value;
    }
}
