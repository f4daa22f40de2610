package dev.switchboard.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The directory of a test class's logs and broker storage, emptied of an earlier run's. */
final class RunDirectory {

    private RunDirectory() {}

    /** {@code directory} made absolute, deleted if it existed, created empty. */
    static Path fresh(Path directory) {
        Path absolute = directory.toAbsolutePath();
        try {
            if (Files.exists(absolute)) {
                try (Stream<Path> paths = Files.walk(absolute)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + absolute, e);
        }
    }
}
