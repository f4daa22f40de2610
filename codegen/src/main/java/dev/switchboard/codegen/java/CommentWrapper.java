package dev.switchboard.codegen.java;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps javadoc lines longer than the line width at a space, as people write them. JavaPoet wraps
 * code at {@code $W} but never a comment, and comments carry contract docs of any length. A line
 * continuing a block tag ({@code @param}, {@code @throws}) is indented four more; a break never
 * puts a word starting with {@code @} first on a line, where javadoc would read it as a tag. A
 * word longer than the line (a URL) stays whole.
 */
final class CommentWrapper {

    private static final Pattern JAVADOC_LINE = Pattern.compile("^( *\\* )(.*)$");
    private static final String TAG_CONTINUATION = "    ";

    private CommentWrapper() {}

    static String wrap(String source, int width) {
        StringBuilder out = new StringBuilder(source.length() + 64);
        for (String line : source.split("\n", -1)) {
            Matcher javadoc = JAVADOC_LINE.matcher(line);
            if (line.length() <= width || !javadoc.matches()) {
                out.append(line).append('\n');
                continue;
            }
            String prefix = javadoc.group(1);
            String text = javadoc.group(2);
            String continuation = prefix + (text.startsWith("@") ? TAG_CONTINUATION : "");
            List<String> pieces = pieces(text, width - prefix.length(), width - continuation.length());
            out.append(prefix).append(pieces.get(0)).append('\n');
            for (String piece : pieces.subList(1, pieces.size())) {
                out.append(continuation).append(piece).append('\n');
            }
        }
        return out.substring(0, out.length() - 1);
    }

    private static List<String> pieces(String text, int firstWidth, int width) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        int limit = firstWidth;
        while (rest.length() > limit) {
            int cut = breakBefore(rest, limit);
            if (cut < 0) {
                break;
            }
            pieces.add(rest.substring(0, cut));
            rest = rest.substring(cut + 1);
            limit = width;
        }
        pieces.add(rest);
        return pieces;
    }

    /** The last space at or before {@code limit} whose next word does not start with {@code @}; -1 if none. */
    private static int breakBefore(String text, int limit) {
        for (int space = text.lastIndexOf(' ', limit); space > 0; space = text.lastIndexOf(' ', space - 1)) {
            if (text.charAt(space + 1) != '@' && text.charAt(space - 1) != ' ') {
                return space;
            }
        }
        return -1;
    }
}
