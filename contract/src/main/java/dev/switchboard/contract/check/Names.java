package dev.switchboard.contract.check;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The naming rules of the format, and the corrected spelling offered as a fix. */
final class Names {

    static final Pattern PASCAL = Pattern.compile("[A-Z][A-Za-z0-9]*");
    static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");
    static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]*");
    static final Pattern PACKAGE_SEGMENT = Pattern.compile("[a-z][a-z0-9_]*");

    /** Java keywords and literals: not usable as a package segment. */
    static final Set<String> JAVA_RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "_");

    private Names() {}

    static boolean isPascal(String name) {
        return PASCAL.matcher(name).matches();
    }

    static boolean isCamel(String name) {
        return CAMEL.matcher(name).matches();
    }

    /** {@code order_item}, {@code order-item}, {@code orderItem} → {@code OrderItem}. */
    static String toPascal(String name) {
        StringBuilder out = new StringBuilder();
        boolean upperNext = true;
        for (char c : name.toCharArray()) {
            if (!Character.isLetterOrDigit(c) || c > 127) {
                upperNext = true;
            } else if (upperNext) {
                out.append(out.isEmpty() && Character.isDigit(c) ? "T" + c : Character.toUpperCase(c));
                upperNext = false;
            } else {
                out.append(c);
            }
        }
        return out.isEmpty() ? "Name" : out.toString();
    }

    /** {@code Item_count} → {@code itemCount}. */
    static String toCamel(String name) {
        String pascal = toPascal(name);
        int upper = 0;
        while (upper < pascal.length() && Character.isUpperCase(pascal.charAt(upper))) {
            upper++;
        }
        // ID → id, URLPath → urlPath: lower the leading run of capitals except the start of the next word
        int lowered = upper == pascal.length() || upper <= 1 ? upper : upper - 1;
        return pascal.substring(0, Math.max(lowered, 1)).toLowerCase(Locale.ROOT) + pascal.substring(Math.max(lowered, 1));
    }

    /** {@code inProgress} → {@code IN_PROGRESS}. */
    static String toUpperSnake(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) || c > 127) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
            } else {
                if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                    out.append('_');
                }
                out.append(Character.toUpperCase(c));
            }
        }
        String result = out.toString().replaceAll("_+$", "");
        return result.isEmpty() || !Character.isLetter(result.charAt(0)) ? "V" + result : result;
    }
}
