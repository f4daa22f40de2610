package dev.switchboard.contract.read;

import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.TypeRef;

/**
 * Parses a field type as written in the contract: a scalar ({@code int32}), a type name
 * ({@code Money}), {@code list<T>} or {@code map<K,V>} (spaces allowed around the brackets and comma).
 * Whether names resolve and how types may nest is the validator's business.
 */
public final class TypeRefParser {

    private final String text;
    private int index;

    private TypeRefParser(String text) {
        this.text = text;
    }

    /** The type, or null when {@code text} is not a type expression. */
    public static TypeRef parse(String text) {
        TypeRefParser parser = new TypeRefParser(text);
        TypeRef type = parser.type();
        parser.skipSpaces();
        return type != null && parser.index == text.length() ? type : null;
    }

    private TypeRef type() {
        String name = name();
        if (name == null) {
            return null;
        }
        skipSpaces();
        if (name.equals("list") && accept('<')) {
            TypeRef element = type();
            return element != null && accept('>') ? new TypeRef.ListOf(element) : null;
        }
        if (name.equals("map") && accept('<')) {
            TypeRef key = type();
            if (key == null || !accept(',')) {
                return null;
            }
            TypeRef value = type();
            return value != null && accept('>') ? new TypeRef.MapOf(key, value) : null;
        }
        return ScalarKind.byContractName(name).<TypeRef>map(TypeRef.Scalar::new).orElse(new TypeRef.Named(name));
    }

    private String name() {
        skipSpaces();
        int start = index;
        while (index < text.length()
                && isNameChar(text.charAt(index))) {
            index++;
        }
        if (start == index || Character.isDigit(text.charAt(start))) {
            return null;
        }
        return text.substring(start, index);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private boolean accept(char c) {
        skipSpaces();
        if (index < text.length() && text.charAt(index) == c) {
            index++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (index < text.length() && text.charAt(index) == ' ') {
            index++;
        }
    }
}
