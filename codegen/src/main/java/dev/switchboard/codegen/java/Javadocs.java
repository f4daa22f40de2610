package dev.switchboard.codegen.java;

/** Turns contract {@code doc} text into javadoc text that renders as written. */
final class Javadocs {

    private Javadocs() {}

    /**
     * Escapes what javadoc would otherwise read as markup: HTML characters, a comment end, an
     * inline tag, and a block tag at the start of a line. Docs in a contract are plain text. A
     * backslash before a {@code u} becomes an entity too: javac reads backslash-u as a unicode
     * escape even inside comments, so a Windows path would not compile and an escaped comment end
     * would close the comment.
     */
    static String text(String doc) {
        String escaped = doc.strip()
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("*/", "*&#47;")
                .replace("{@", "{&#64;")
                .replace("\\u", "&#92;u");
        return escaped.replaceAll("(?m)^(\\s*)@", "$1{@literal @}");
    }

    static boolean present(String doc) {
        return doc != null && !doc.isBlank();
    }
}
