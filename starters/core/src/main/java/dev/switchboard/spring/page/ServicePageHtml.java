package dev.switchboard.spring.page;

import java.util.List;
import java.util.Map;

/**
 * The service page as HTML: one self-contained document (no script, no stylesheet from elsewhere), so it renders
 * offline and behind any proxy. It refreshes itself every ten seconds.
 */
final class ServicePageHtml {

    private ServicePageHtml() {}

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> page) {
        StringBuilder html = new StringBuilder();
        String application = String.valueOf(page.get("application"));
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"10\">")
                .append("<title>").append(escape(application)).append(" · Switchboard</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:24px 32px;color:#1d2433;background:#f7f8fa}")
                .append("h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:18px 0 6px}")
                .append("table{border-collapse:collapse;background:#fff;box-shadow:0 1px 2px #0002;margin-bottom:8px}")
                .append("th,td{padding:6px 10px;border-bottom:1px solid #e3e6eb;text-align:left;vertical-align:top}")
                .append("th{background:#eef1f5;font-weight:600}code{font:12px ui-monospace,monospace}")
                .append(".num{text-align:right}.bad{color:#b42318;font-weight:600}.ok{color:#067647}")
                .append(".muted{color:#667085}a{color:#175cd3}nav a{margin-right:14px}")
                .append("</style></head><body>");
        html.append("<h1>").append(escape(application)).append("</h1>")
                .append("<p class=\"muted\">Switchboard service page: what this application serves, publishes, consumes and calls,")
                .append(" with its effective policies and the counts of <code>switchboard.call</code> since it started.</p>");
        for (Map<String, Object> service : (List<Map<String, Object>>) page.get("services")) {
            service(html, service);
        }
        clients(html, (List<Map<String, Object>>) page.get("clients"));
        return html.append("</body></html>\n").toString();
    }

    @SuppressWarnings("unchecked")
    private static void service(StringBuilder html, Map<String, Object> service) {
        String name = String.valueOf(service.get("service"));
        html.append("<section id=\"service-").append(escape(name)).append("\"><h2>").append(escape(name)).append("</h2><nav>");
        Map<String, String> documents = (Map<String, String>) service.get("documents");
        documents.forEach((kind, link) -> html.append("<a href=\"").append(escape(link)).append("\">")
                .append(escape(kind)).append(" document</a>"));
        if (documents.containsKey("openapi")) {
            html.append("<a href=\"switchboard/openapi/").append(escape(name)).append("\">OpenAPI view</a>");
        }
        if (documents.containsKey("asyncapi")) {
            html.append("<a href=\"switchboard/asyncapi/").append(escape(name)).append("\">AsyncAPI view</a>");
        }
        html.append("</nav>");
        Map<String, Map<String, Object>> operations = (Map<String, Map<String, Object>>) service.get("operations");
        if (!operations.isEmpty()) {
            html.append("<h3>Operations</h3><table class=\"operations\"><tr><th>operation</th><th>routes</th><th>policy</th>")
                    .append("<th class=\"num\">served</th><th class=\"num\">errors</th><th class=\"num\">error rate</th></tr>");
            for (Map<String, Object> operation : operations.values()) {
                html.append("<tr><td><b>").append(escape(operation.get("name"))).append("</b><br><span class=\"muted\">")
                        .append(escape(operation.get("shape"))).append(Boolean.TRUE.equals(operation.get("idempotent"))
                                ? ", idempotent" : "").append("</span></td><td>");
                ((Map<String, String>) operation.get("routes")).forEach((transport, route) -> html.append(escape(transport))
                        .append(" <code>").append(escape(route)).append("</code><br>"));
                html.append("</td><td>").append(policy((Map<String, Object>) operation.get("policy"))).append("</td>");
                counts(html, (Map<String, Map<String, Object>>) operation.get("served"));
                html.append("</tr>");
            }
            html.append("</table>");
        }
        Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>) service.get("messages");
        if (!messages.isEmpty()) {
            html.append("<h3>Events and commands</h3><table class=\"messages\"><tr><th>message</th><th>destination</th>")
                    .append("<th>dead letters</th><th>this service</th><th>retry</th><th class=\"num\">published</th>")
                    .append("<th class=\"num\">consumed</th><th class=\"num\">consume errors</th></tr>");
            for (Map<String, Object> message : messages.values()) {
                html.append("<tr><td><b>").append(escape(message.get("name"))).append("</b><br><span class=\"muted\">")
                        .append(escape(message.get("kind"))).append(Boolean.TRUE.equals(message.get("ordered"))
                                ? ", ordered" : "").append("</span></td><td><code>").append(escape(message.get("destination")))
                        .append("</code></td><td><code>").append(escape(message.get("deadLetter"))).append("</code></td><td>")
                        .append(escape(String.join(", ", (List<String>) message.get("roles")))).append("</td><td>")
                        .append(policy((Map<String, Object>) message.get("retry"))).append("</td>");
                html.append("<td class=\"num\">").append(total((Map<String, Map<String, Object>>) message.get("published"), "count"))
                        .append("</td><td class=\"num\">").append(total((Map<String, Map<String, Object>>) message.get("consumed"), "count"))
                        .append("</td><td class=\"num\">").append(total((Map<String, Map<String, Object>>) message.get("consumed"), "errors"))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("</section>");
    }

    private static void clients(StringBuilder html, List<Map<String, Object>> clients) {
        html.append("<h2>Calls to other services</h2>");
        if (clients.isEmpty()) {
            html.append("<p class=\"muted\">None yet.</p>");
            return;
        }
        html.append("<table class=\"clients\"><tr><th>operation</th><th>transport</th><th class=\"num\">calls</th>")
                .append("<th class=\"num\">errors</th><th class=\"num\">error rate</th><th>circuit</th></tr>");
        for (Map<String, Object> client : clients) {
            String circuit = String.valueOf(client.get("circuit"));
            html.append("<tr><td><code>").append(escape(client.get("service") + "/" + client.get("operation")))
                    .append("</code></td><td>").append(escape(client.get("transport"))).append("</td><td class=\"num\">")
                    .append(client.get("count")).append("</td><td class=\"num\">").append(client.get("errors"))
                    .append("</td><td class=\"num\">").append(percent(client.get("errorRate"))).append("</td><td class=\"")
                    .append(circuit.equals("CLOSED") ? "ok" : "bad").append(" circuit\">").append(escape(circuit))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void counts(StringBuilder html, Map<String, Map<String, Object>> byTransport) {
        long count = total(byTransport, "count");
        long errors = total(byTransport, "errors");
        html.append("<td class=\"num\">").append(count).append("</td><td class=\"num\">").append(errors)
                .append("</td><td class=\"num ").append(errors > 0 ? "bad" : "ok").append("\">")
                .append(percent(count == 0 ? 0.0 : (double) errors / count)).append("</td>");
    }

    private static long total(Map<String, Map<String, Object>> byTransport, String key) {
        if (byTransport == null) {
            return 0;
        }
        return byTransport.values().stream().mapToLong(entry -> ((Number) entry.get(key)).longValue()).sum();
    }

    @SuppressWarnings("unchecked")
    private static String policy(Map<String, Object> policy) {
        if (policy == null || policy.isEmpty()) {
            return "<span class=\"muted\">none</span>";
        }
        StringBuilder shown = new StringBuilder();
        policy.forEach((key, value) -> shown.append(escape(key)).append(": ").append(value instanceof Map<?, ?> map
                ? escape(String.join(", ", ((Map<String, Object>) map).entrySet().stream()
                        .map(entry -> entry.getKey() + " " + entry.getValue()).toList()))
                : escape(value)).append("<br>"));
        return shown.toString();
    }

    private static String percent(Object rate) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", ((Number) rate).doubleValue() * 100);
    }

    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
