package dev.switchboard.codegen.java;

/** Turns contract {@code doc} text into javadoc text that renders as written. */
final class Javadocs {

    private Javadocs() {}

    /**
     * Escapes what javadoc would otherwise read as markup: HTML characters, a comment end, and
     * a block tag at the start of a line. Docs in a contract are plain text.
     */
    static String text(String doc) {
        String escaped = doc.strip()
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("*/", "*&#47;");
        return escaped.replaceAll("(?m)^(\\s*)@", "$1{@literal @}");
    }

    static boolean present(String doc) {
        return doc != null && !doc.isBlank();
    }
}
