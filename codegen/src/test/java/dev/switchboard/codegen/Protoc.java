package dev.switchboard.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real protoc (the {@code com.google.protobuf:protoc} artifact the build fetches) on an
 * exported {@code .proto}; it must accept the file without a word on stdout or stderr.
 */
public final class Protoc {

    private static final List<String> WELL_KNOWN = List.of("google/protobuf/timestamp.proto", "google/protobuf/duration.proto");

    private Protoc() {}

    /**
     * Compiles {@code proto} in a fresh directory under {@code work}, with the given output options
     * (e.g. {@code --java_out=...}).
     */
    public static void run(GeneratedFile proto, Path work, String... outputs) throws Exception {
        Path source = Files.createDirectories(work.resolve("src"));
        Path include = work.resolve("include");
        String fileName = Path.of(proto.relativePath()).getFileName().toString();
        Files.writeString(source.resolve(fileName), proto.content(), StandardCharsets.UTF_8);
        for (String wellKnown : WELL_KNOWN) {
            // protoc from Maven Central ships without its include directory; protobuf-java has the files.
            try (InputStream in = Protoc.class.getResourceAsStream("/" + wellKnown)) {
                Files.createDirectories(include.resolve(wellKnown).getParent());
                Files.copy(in, include.resolve(wellKnown));
            }
        }
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        Path protoc = Path.of(System.getProperty("protoc.executable"));
        assertThat(protoc).as("protoc from the com.google.protobuf:protoc artifact").exists();
        protoc.toFile().setExecutable(true);
        List<String> command = new ArrayList<>(List.of(protoc.toString(), "--proto_path=" + source, "--proto_path=" + include));
        command.addAll(List.of(outputs));
        command.add(fileName);
        Process process = new ProcessBuilder(command)
                .directory(source.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("protoc finished").isTrue();
        assertThat(Files.readString(stderr)).as("protoc stderr").isEmpty();
        assertThat(Files.readString(stdout)).as("protoc stdout").isEmpty();
        assertThat(process.exitValue()).as("protoc exit code").isZero();
    }
}
