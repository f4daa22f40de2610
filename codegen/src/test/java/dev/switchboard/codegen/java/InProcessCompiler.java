package dev.switchboard.codegen.java;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in memory with the JDK's compiler, {@code -Xlint:all}, against the test
 * classpath (runtime, Jackson annotations) plus any earlier output.
 */
final class InProcessCompiler {

    /** What javac said, and where the classes went. */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes) {

        /** Every diagnostic, one per line, as {@code KIND file:line: message}. */
        String report() {
            return diagnostics.stream().map(InProcessCompiler::describe).collect(Collectors.joining("\n"));
        }
    }

    private InProcessCompiler() {}

    /**
     * @param sources    path (as in a source root, e.g. {@code com/example/Order.java}) → source text
     * @param classes    output directory, emptied first
     * @param classpath  directories or jars to compile against, besides the test classpath
     */
    static Result compile(Map<String, String> sources, Path classes, List<Path> classpath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        recreate(classes);
        List<String> path = new ArrayList<>(classpath.stream().map(Path::toString).toList());
        path.add(System.getProperty("java.class.path"));
        List<String> options = List.of(
                "-Xlint:all", "-proc:none", "-d", classes.toString(),
                "-classpath", String.join(System.getProperty("path.separator"), path));
        List<JavaFileObject> units = sources.entrySet().stream()
                .map(source -> (JavaFileObject) new SourceText(source.getKey(), source.getValue()))
                .toList();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean success = compiler.getTask(null, files, diagnostics, options, null, units).call();
            return new Result(success, List.copyOf(diagnostics.getDiagnostics()), classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        String source = diagnostic.getSource() == null ? "" : diagnostic.getSource().getName() + ":"
                + diagnostic.getLineNumber() + ": ";
        return diagnostic.getKind() + " " + source + diagnostic.getMessage(Locale.ROOT);
    }

    private static void recreate(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> walk = Files.walk(directory)) {
                    for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class SourceText extends SimpleJavaFileObject {

        private final String text;

        SourceText(String path, String text) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
