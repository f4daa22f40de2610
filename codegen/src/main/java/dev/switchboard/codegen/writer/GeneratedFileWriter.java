package dev.switchboard.codegen.writer;

import dev.switchboard.codegen.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes generated files under their roots. Rewrites a file only when its content changed, so IDEs and
 * incremental compilers see no churn, and removes files a previous run generated that this run did not.
 * What Switchboard wrote is remembered in a manifest in each root: files it did not write are never touched,
 * even if a user points the output at a shared directory.
 */
public final class GeneratedFileWriter {

    /** Lists, one relative path a line, the files Switchboard wrote under a root. */
    public static final String MANIFEST = ".switchboard-files";

    private final Path sourceRoot;
    private final Path resourceRoot;

    public GeneratedFileWriter(Path sourceRoot, Path resourceRoot) {
        this.sourceRoot = sourceRoot.toAbsolutePath().normalize();
        this.resourceRoot = resourceRoot.toAbsolutePath().normalize();
    }

    public WriteReport write(List<GeneratedFile> files) {
        rejectDuplicates(files);
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        List<Path> deleted = new ArrayList<>();
        for (GeneratedFile.Kind kind : GeneratedFile.Kind.values()) {
            Path root = rootOf(kind);
            List<GeneratedFile> ofKind = files.stream().filter(f -> f.kind() == kind).toList();
            Set<String> current = new LinkedHashSet<>();
            for (GeneratedFile file : ofKind) {
                Path target = resolveInside(root, file.relativePath());
                current.add(root.relativize(target).toString().replace('\\', '/'));
                (writeIfChanged(target, file.content()) ? written : unchanged).add(target);
            }
            deleted.addAll(deleteStale(root, current));
            writeManifest(root, current);
        }
        return new WriteReport(written, unchanged, deleted);
    }

    /** The files a previous run recorded under a root; empty when there was none. */
    public static Set<String> manifest(Path root) {
        Path manifest = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Set.of();
        }
        try (Stream<String> lines = Files.lines(manifest, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
    }

    private Path rootOf(GeneratedFile.Kind kind) {
        return kind == GeneratedFile.Kind.SOURCE ? sourceRoot : resourceRoot;
    }

    private static void rejectDuplicates(List<GeneratedFile> files) {
        Set<String> seen = new HashSet<>();
        for (GeneratedFile file : files) {
            if (!seen.add(file.kind() + ":" + file.relativePath())) {
                throw new IllegalArgumentException("two generated files want the same path " + file.relativePath()
                        + ": do two contracts use the same package and type names?");
            }
        }
    }

    private static Path resolveInside(Path root, String relativePath) {
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("refusing to write " + relativePath + " outside " + root);
        }
        return target;
    }

    private static boolean writeIfChanged(Path target, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return false;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated file " + target, e);
        }
    }

    private static List<Path> deleteStale(Path root, Set<String> current) {
        List<Path> deleted = new ArrayList<>();
        for (String previous : manifest(root)) {
            if (current.contains(previous)) {
                continue;
            }
            Path stale = resolveInside(root, previous);
            try {
                if (Files.deleteIfExists(stale)) {
                    deleted.add(stale);
                }
                deleteEmptyParents(root, stale.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete stale generated file " + stale, e);
            }
        }
        return deleted;
    }

    private static void deleteEmptyParents(Path root, Path dir) throws IOException {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            try {
                if (!Files.deleteIfExists(d)) {
                    return;
                }
            } catch (DirectoryNotEmptyException notEmpty) {
                return;
            }
        }
    }

    private static void writeManifest(Path root, Set<String> current) {
        try {
            Files.createDirectories(root);
            Files.write(root.resolve(MANIFEST), current, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(MANIFEST), e);
        }
    }
}
