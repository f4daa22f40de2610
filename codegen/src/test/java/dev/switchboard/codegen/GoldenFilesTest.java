package dev.switchboard.codegen;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Everything generated from the rich contract, compared file by file with {@code src/test/golden/rich}.
 * A change to any generator shows up here as a reviewable diff of its output. Run with
 * {@code -Dgolden.update=true} to rewrite the golden directory after an intended change.
 */
class GoldenFilesTest {

    private static final int CONTEXT_LINES = 3;
    private static final int MAX_CHANGED_LINES = 20;

    private final Path goldenDir = Path.of(System.getProperty("golden.dir", "src/test/golden")).resolve("rich");

    @Test
    void generatedFilesMatchTheGoldenFiles() throws IOException {
        Map<String, String> generated = new TreeMap<>();
        RichContract.files().forEach(file -> generated.put(file.relativePath(), file.content()));

        if (Boolean.getBoolean("golden.update")) {
            rewriteGoldenDir(generated);
        }

        Map<String, String> golden = readGoldenDir();
        List<String> differences = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(golden.keySet());
        paths.addAll(generated.keySet());
        for (String path : paths) {
            if (!golden.containsKey(path)) {
                differences.add("extra file (generated, not in the golden directory): " + path);
            } else if (!generated.containsKey(path)) {
                differences.add("missing file (in the golden directory, not generated): " + path);
            } else if (!golden.get(path).equals(generated.get(path))) {
                differences.add(diff(path, golden.get(path), generated.get(path)));
            }
        }
        if (!differences.isEmpty()) {
            fail("generated files differ from %s; if intended, rerun with -Dgolden.update=true%n%s",
                    goldenDir, String.join("\n", differences));
        }
    }

    private Map<String, String> readGoldenDir() throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(goldenDir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(goldenDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = goldenDir.relativize(file).toString().replace('\\', '/');
                files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private void rewriteGoldenDir(Map<String, String> generated) throws IOException {
        if (Files.isDirectory(goldenDir)) {
            try (Stream<Path> walk = Files.walk(goldenDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(GoldenFilesTest::delete);
            }
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path target = goldenDir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The changed region, marked {@code -} golden and {@code +} generated, with a few lines of context:
     * everything between the common first and last lines of the two texts.
     */
    static String diff(String path, String expected, String actual) {
        List<String> golden = expected.lines().toList();
        List<String> generated = actual.lines().toList();
        int first = 0;
        while (first < golden.size() && first < generated.size() && golden.get(first).equals(generated.get(first))) {
            first++;
        }
        int goldenEnd = golden.size();
        int generatedEnd = generated.size();
        while (goldenEnd > first && generatedEnd > first
                && golden.get(goldenEnd - 1).equals(generated.get(generatedEnd - 1))) {
            goldenEnd--;
            generatedEnd--;
        }
        StringBuilder text = new StringBuilder()
                .append("--- golden/").append(path).append('\n')
                .append("+++ generated/").append(path).append('\n')
                .append("@@ line ").append(first + 1).append(" @@\n");
        lines(text, "  ", golden, Math.max(0, first - CONTEXT_LINES), first);
        lines(text, "- ", golden, first, goldenEnd);
        lines(text, "+ ", generated, first, generatedEnd);
        lines(text, "  ", golden, goldenEnd, Math.min(golden.size(), goldenEnd + CONTEXT_LINES));
        if (golden.equals(generated)) {
            text.append("  (the lines are equal; the files differ in line endings or the final newline)\n");
        }
        return text.toString();
    }

    private static void lines(StringBuilder text, String marker, List<String> lines, int from, int to) {
        int shown = Math.min(to, from + MAX_CHANGED_LINES);
        for (int i = from; i < shown; i++) {
            text.append(marker).append(lines.get(i)).append('\n');
        }
        if (shown < to) {
            text.append(marker).append("... ").append(to - shown).append(" more lines\n");
        }
    }
}
