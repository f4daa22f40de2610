package dev.switchboard.codegen.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes OpenAPI and AsyncAPI documents built as nested {@link LinkedHashMap}s, so key order is
 * declaration order and the output is the same on every run.
 */
final class YamlDocument {

    private YamlDocument() {}

    /** The document in block style, under a {@code # header} comment. */
    static String write(String header, Map<String, Object> root) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        // The same schema map may be reached twice (a shared $ref); never write YAML anchors for it.
        options.setDereferenceAliases(true);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return "# " + header + "\n" + new Yaml(options).dump(root);
    }

    /**
     * An ordered map of alternating keys and values; null values are left out, so optional parts can
     * be passed inline.
     */
    static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
