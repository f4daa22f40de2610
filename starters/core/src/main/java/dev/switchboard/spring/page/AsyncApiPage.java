package dev.switchboard.spring.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeTypeUtils;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The packaged AsyncAPI document as a page: every channel, what is sent on it, and each message's payload fields. */
final class AsyncApiPage {

    private AsyncApiPage() {}

    @SuppressWarnings("unchecked")
    static WebEndpointResponse<String> render(String service, String resource, String link) {
        Map<String, Object> document;
        try (InputStream in = AsyncApiPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
            }
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(ServicePageHtml.escape(service)).append(" · AsyncAPI</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:24px 32px;color:#1d2433}")
                .append("table{border-collapse:collapse}th,td{padding:5px 10px;border-bottom:1px solid #e3e6eb;text-align:left}")
                .append("code{font:12px ui-monospace,monospace}.channel{margin-bottom:22px}")
                .append("</style></head><body><h1>").append(ServicePageHtml.escape(service)).append(" · AsyncAPI</h1>")
                .append("<p><a href=\"").append(ServicePageHtml.escape(link)).append("\">the document</a></p>");
        Map<String, Object> channels = (Map<String, Object>) document.getOrDefault("channels", Map.of());
        Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
        Map<String, Object> schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
        channels.forEach((id, value) -> {
            Map<String, Object> channel = (Map<String, Object>) value;
            html.append("<div class=\"channel\"><h2><code>").append(ServicePageHtml.escape(channel.get("address")))
                    .append("</code></h2><p>").append(ServicePageHtml.escape(channel.getOrDefault("description", "")))
                    .append("</p>");
            Map<String, Object> messages = (Map<String, Object>) channel.getOrDefault("messages", Map.of());
            for (String message : messages.keySet()) {
                html.append("<h3>").append(ServicePageHtml.escape(message)).append("</h3>");
                Map<String, Object> schema = (Map<String, Object>) schemas.get(payloadOf(components, message));
                if (schema != null) {
                    html.append("<table><tr><th>field</th><th>type</th></tr>");
                    ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).forEach((field, type) -> html
                            .append("<tr><td><code>").append(ServicePageHtml.escape(field)).append("</code></td><td>")
                            .append(ServicePageHtml.escape(typeOf((Map<String, Object>) type))).append("</td></tr>"));
                    html.append("</table>");
                }
            }
            html.append("</div>");
        });
        return new WebEndpointResponse<>(html.append("</body></html>\n").toString(), MimeTypeUtils.TEXT_HTML);
    }

    /** The schema name a message's payload refers to. */
    @SuppressWarnings("unchecked")
    private static String payloadOf(Map<String, Object> components, String message) {
        Map<String, Object> messages = (Map<String, Object>) components.getOrDefault("messages", Map.of());
        Map<String, Object> definition = (Map<String, Object>) messages.get(message);
        if (definition == null || !(definition.get("payload") instanceof Map<?, ?> payload)) {
            return null;
        }
        Object ref = payload.get("$ref");
        return ref == null ? null : ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
    }

    private static String typeOf(Map<String, Object> schema) {
        if (schema.get("$ref") != null) {
            String ref = schema.get("$ref").toString();
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return String.join(" | ", types.stream().map(String::valueOf).toList());
        }
        return String.valueOf(type);
    }
}
