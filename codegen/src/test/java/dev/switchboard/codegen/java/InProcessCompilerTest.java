package dev.switchboard.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compile tests assert "no diagnostics"; this shows a warning would be one. */
class InProcessCompilerTest {

    @Test
    void reportsLintWarnings() {
        String rawList = """
                package demo;

                import java.util.ArrayList;
                import java.util.List;

                public class Raw {
                    public List<?> items() {
                        List items = new ArrayList();
                        return items;
                    }
                }
                """;

        InProcessCompiler.Result result = InProcessCompiler.compile(
                Map.of("demo/Raw.java", rawList), Path.of("target", "compiled-lint-check"), List.of());

        assertThat(result.success()).isTrue();
        assertThat(result.report()).contains("WARNING /demo/Raw.java:8: found raw type: java.util.List");
    }
}
