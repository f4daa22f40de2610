package dev.switchboard.codegen.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.GeneratedFile.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedFileWriterTest {

    @TempDir
    Path dir;

    private GeneratedFileWriter writer() {
        return new GeneratedFileWriter(dir.resolve("src"), dir.resolve("res"));
    }

    @Test
    void writesSourcesAndResourcesUnderTheirRoots() throws IOException {
        WriteReport report = writer().write(List.of(
                new GeneratedFile(Kind.SOURCE, "com/example/A.java", "class A {}"),
                new GeneratedFile(Kind.RESOURCE, "META-INF/switchboard/a/a.proto", "syntax = \"proto3\";")));

        assertThat(report.written()).hasSize(2);
        assertThat(dir.resolve("src/com/example/A.java")).hasContent("class A {}");
        assertThat(dir.resolve("res/META-INF/switchboard/a/a.proto")).hasContent("syntax = \"proto3\";");
        assertThat(GeneratedFileWriter.manifest(dir.resolve("src"))).containsExactly("com/example/A.java");
    }

    @Test
    void leavesUnchangedFilesUntouched() throws IOException {
        GeneratedFile a = new GeneratedFile(Kind.SOURCE, "com/example/A.java", "class A {}");
        writer().write(List.of(a));
        Path written = dir.resolve("src/com/example/A.java");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(written, old);

        WriteReport second = writer().write(List.of(a));

        assertThat(second.written()).isEmpty();
        assertThat(second.unchanged()).containsExactly(written);
        assertThat(Files.getLastModifiedTime(written)).isEqualTo(old);
    }

    @Test
    void rewritesChangedFilesAndDeletesStaleOnesWithTheirEmptyDirectories() {
        writer().write(List.of(
                new GeneratedFile(Kind.SOURCE, "com/example/A.java", "class A {}"),
                new GeneratedFile(Kind.SOURCE, "com/example/old/B.java", "class B {}")));

        WriteReport second = writer().write(List.of(new GeneratedFile(Kind.SOURCE, "com/example/A.java", "class A { int x; }")));

        assertThat(second.written()).containsExactly(dir.resolve("src/com/example/A.java"));
        assertThat(second.deleted()).containsExactly(dir.resolve("src/com/example/old/B.java"));
        assertThat(dir.resolve("src/com/example/old")).doesNotExist();
        assertThat(dir.resolve("src/com/example/A.java")).hasContent("class A { int x; }");
    }

    @Test
    void neverDeletesFilesItDidNotWrite() throws IOException {
        Path foreign = dir.resolve("src/com/example/Handwritten.java");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "class Handwritten {}");

        writer().write(List.of(new GeneratedFile(Kind.SOURCE, "com/example/A.java", "class A {}")));
        writer().write(List.of());

        assertThat(foreign).exists();
        assertThat(dir.resolve("src/com/example/A.java")).doesNotExist();
    }

    @Test
    void refusesPathsOutsideTheRoot() {
        assertThatThrownBy(() -> writer().write(List.of(new GeneratedFile(Kind.SOURCE, "../escape.java", "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to write ../escape.java outside");
    }

    @Test
    void refusesTwoFilesForOnePath() {
        GeneratedFile a = new GeneratedFile(Kind.SOURCE, "com/example/A.java", "class A {}");
        assertThatThrownBy(() -> writer().write(List.of(a, a)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two generated files want the same path com/example/A.java");
    }
}
