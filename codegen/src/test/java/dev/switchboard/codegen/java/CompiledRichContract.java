package dev.switchboard.codegen.java;

import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.RichContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java generated from the rich contract, compiled once per test JVM, and hand-written code
 * (test resources under {@code handwritten/}) compiled against it.
 */
final class CompiledRichContract {

    static final String PACKAGE = "com.example.orders";

    private static final Path OUTPUT = Path.of("target", "compiled-rich");
    private static final Path HANDWRITTEN = Path.of("src", "test", "resources", "handwritten");

    private static InProcessCompiler.Result generated;
    private static InProcessCompiler.Result service;
    private static URLClassLoader loader;

    private CompiledRichContract() {}

    /** The generated sources alone. */
    static synchronized InProcessCompiler.Result generated() {
        if (generated == null) {
            Map<String, String> sources = new LinkedHashMap<>();
            for (GeneratedFile file : RichContract.javaSources()) {
                sources.put(file.relativePath(), file.content());
            }
            generated = InProcessCompiler.compile(sources, OUTPUT.resolve("generated"), List.of());
        }
        return generated;
    }

    /** {@code InMemoryOrdersService}: a complete implementation of the service interface, by hand. */
    static synchronized InProcessCompiler.Result service() {
        if (service == null) {
            service = compileHandwritten("InMemoryOrdersService");
        }
        return service;
    }

    /** One class of {@code src/test/resources/handwritten/com/example/orders/app}, against the generated classes. */
    static InProcessCompiler.Result compileHandwritten(String simpleName) {
        String path = PACKAGE.replace('.', '/') + "/app/" + simpleName + ".java";
        String text;
        try {
            text = Files.readString(HANDWRITTEN.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return InProcessCompiler.compile(Map.of(path, text), OUTPUT.resolve(simpleName), List.of(generated().classes()));
    }

    /**
     * A generated class by simple name, or a hand-written one by qualified name. Fails the calling
     * test when the code did not compile.
     */
    static synchronized Class<?> load(String name) {
        if (loader == null) {
            if (!generated().success() || !service().success()) {
                throw new AssertionError("compilation failed:\n" + generated().report() + "\n" + service().report());
            }
            loader = new URLClassLoader(new URL[] {url(generated().classes()), url(service().classes())},
                    CompiledRichContract.class.getClassLoader());
        }
        String qualified = name.contains(".") ? name : PACKAGE + "." + name;
        try {
            return Class.forName(qualified, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class " + qualified, e);
        }
    }

    private static URL url(Path directory) {
        try {
            return directory.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
