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
import java.util.jar.JarFile;
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
        return compile(sources, classes, classpath, List.of());
    }

    /**
     * The same against the test classpath without every entry holding one of {@code withoutPackages}
     * (e.g. {@code io/grpc}): proves the sources need nothing from them.
     */
    static Result compile(Map<String, String> sources, Path classes, List<Path> classpath, List<String> withoutPackages) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        recreate(classes);
        List<String> path = new ArrayList<>(classpath.stream().map(Path::toString).toList());
        String separator = System.getProperty("path.separator");
        for (String entry : System.getProperty("java.class.path").split(separator)) {
            if (withoutPackages.stream().noneMatch(name -> holds(Path.of(entry), name))) {
                path.add(entry);
            }
        }
        List<String> options = List.of(
                "-Xlint:all", "-proc:none", "-d", classes.toString(),
                "-classpath", String.join(separator, path));
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

    /** Whether a classpath entry (a directory or a jar) has classes in {@code packagePath}, e.g. {@code io/grpc}. */
    static boolean holds(Path entry, String packagePath) {
        if (Files.isDirectory(entry)) {
            return Files.isDirectory(entry.resolve(packagePath));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.stream().anyMatch(file -> file.getName().startsWith(packagePath + "/") && file.getName().endsWith(".class"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry, e);
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
