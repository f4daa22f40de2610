package dev.switchboard.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.RichContract;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.SwitchboardGenerator;
import dev.switchboard.codegen.Transport;
import dev.switchboard.contract.ContractLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every line of generated Java fits in {@value JavaFiles#LINE_WIDTH} columns, code and comments alike. */
class GeneratedLineWidthTest {

    @Test
    void everyGeneratedJavaLineFitsTheLineWidth() {
        List<GeneratedFile> files = new ArrayList<>(RichContract.files());
        files.addAll(TransportSelections.restOnly().files());
        files.addAll(TransportSelections.grpcOnly().files());
        files.addAll(new SwitchboardGenerator().generate(List.of(new ContractInput(
                ContractLoader.load(Path.of("src/test/resources/contracts/java-edge-cases.yaml")),
                "src/main/switchboard/java-edge-cases.yaml", EnumSet.allOf(Role.class),
                EnumSet.allOf(Transport.class)))));

        assertThat(tooLong(files)).isEmpty();
    }

    /** {@code path:line: (width) text} of each line wider than the line width. */
    static List<String> tooLong(List<GeneratedFile> files) {
        return files.stream()
                .filter(file -> file.kind() == GeneratedFile.Kind.SOURCE)
                .flatMap(file -> {
                    List<String> lines = file.content().lines().toList();
                    Stream.Builder<String> wide = Stream.builder();
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).length() > JavaFiles.LINE_WIDTH) {
                            wide.add(file.relativePath() + ":" + (i + 1) + ": (" + lines.get(i).length() + ") "
                                    + lines.get(i));
                        }
                    }
                    return wide.build();
                })
                .distinct()
                .toList();
    }
}
