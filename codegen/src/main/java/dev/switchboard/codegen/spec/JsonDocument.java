package dev.switchboard.codegen.spec;

import java.util.List;
import java.util.Map;

/** Writes a document built of maps, lists, strings, numbers and booleans as indented JSON, the same on every run. */
final class JsonDocument {

    private JsonDocument() {}

    static String write(Map<String, Object> root) {
        StringBuilder json = new StringBuilder();
        value(json, root, "");
        return json.append('\n').toString();
    }

    private static void value(StringBuilder json, Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                json.append("{}");
                return;
            }
            json.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.append(indent).append("  ");
                string(json, String.valueOf(entry.getKey()));
                json.append(": ");
                value(json, entry.getValue(), indent + "  ");
                json.append(++i < map.size() ? ",\n" : "\n");
            }
            json.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                json.append("[]");
                return;
            }
            json.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                json.append(indent).append("  ");
                value(json, list.get(i), indent + "  ");
                json.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            json.append(indent).append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value == null) {
            json.append("null");
        } else {
            string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
