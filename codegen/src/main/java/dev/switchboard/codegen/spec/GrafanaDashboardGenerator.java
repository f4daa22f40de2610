package dev.switchboard.codegen.spec;

import static dev.switchboard.codegen.spec.CallMetrics.CALLS;
import static dev.switchboard.codegen.spec.CallMetrics.CALL_SECONDS;
import static dev.switchboard.codegen.spec.CallMetrics.CALL_SECONDS_MAX;
import static dev.switchboard.codegen.spec.CallMetrics.CIRCUIT_OPEN;
import static dev.switchboard.codegen.spec.CallMetrics.DEAD_LETTERS;
import static dev.switchboard.codegen.spec.CallMetrics.FAILURE_OUTCOMES;
import static dev.switchboard.codegen.spec.CallMetrics.OUTBOX_DEPTH;
import static dev.switchboard.codegen.spec.CallMetrics.OUTBOX_OLDEST_AGE;
import static dev.switchboard.codegen.spec.CallMetrics.RETRIES;
import static dev.switchboard.codegen.spec.CallMetrics.rate;
import static dev.switchboard.codegen.spec.CallMetrics.select;
import static dev.switchboard.codegen.spec.YamlDocument.map;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Grafana dashboard for a service, from the metric every service exposes: its served calls (rate, failures,
 * latency by operation and transport), the calls other services make to it (retries, open circuits), its
 * messages published and consumed (dead letters), and its outbox. Only the rows its contract has; a {@code job}
 * variable narrows it to some processes, a {@code datasource} variable picks the Prometheus.
 */
public final class GrafanaDashboardGenerator implements OutputGenerator {

    static final String FILE_NAME = "grafana-dashboard.json";

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.has(Role.SERVER) || input.has(Role.PUBLISHER);
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        String service = contract.service();
        Panels panels = new Panels();
        if (!contract.operations().isEmpty()) {
            panels.row("Served calls");
            panels.add("Calls per second", "reqps", "{{operation}} {{transport}}", "sum by (operation, transport) ("
                    + rate(select(CALLS, service, "server", true), true, null) + ")");
            panels.add("Failure ratio (" + FAILURE_OUTCOMES.replace('|', ' ') + ")", "percentunit", "{{operation}}",
                    "sum by (operation) (" + rate(select(CALLS, service, "server", true,
                            "outcome=~\"" + FAILURE_OUTCOMES + "\""), true, null) + ") / sum by (operation) ("
                            + rate(select(CALLS, service, "server", true), true, null) + ")");
            panels.add("Outcomes", "reqps", "{{outcome}}", "sum by (outcome) ("
                    + rate(select(CALLS, service, "server", true), true, null) + ")");
            panels.add("Mean latency", "s", "{{operation}} {{transport}}",
                    "sum by (operation, transport) (" + rate(select(CALL_SECONDS, service, "server", true), true, null)
                            + ") / sum by (operation, transport) (" + rate(select(CALLS, service, "server", true), true, null)
                            + ")");
            panels.add("Slowest call", "s", "{{operation}} {{transport}}",
                    "max by (operation, transport) (" + select(CALL_SECONDS_MAX, service, "server", true) + ")");

            panels.row("Calls from other services to " + service);
            panels.add("Client calls per second, by outcome", "reqps", "{{job}} {{operation}} {{outcome}}",
                    "sum by (job, operation, outcome) (" + rate(select(CALLS, service, "client", true), true, null) + ")");
            panels.add("Client retries per second", "reqps", "{{job}} {{operation}}",
                    "sum by (job, operation) (" + rate(select(RETRIES, service, "client", true), true, null) + ")");
            panels.add("Calls refused by an open circuit", "reqps", "{{job}} {{operation}}",
                    "sum by (job, operation) (" + rate(select(CIRCUIT_OPEN, service, "client", true), true, null) + ")");
        }
        if (!contract.events().isEmpty() || !contract.commands().isEmpty()) {
            panels.row("Messages");
            panels.add("Published per second", "reqps", "{{operation}} {{transport}} {{outcome}}",
                    "sum by (operation, transport, outcome) ("
                            + rate(select(CALLS, service, "producer", true), true, null) + ")");
            panels.add("Deliveries per second, by outcome", "reqps", "{{job}} {{operation}} {{outcome}}",
                    "sum by (job, operation, outcome) (" + rate(select(CALLS, service, "consumer", true), true, null) + ")");
            panels.add("Redeliveries and dead letters", "reqps", List.of(
                    target("A", "sum by (job, operation) (" + rate(select(RETRIES, service, "consumer", true), true, null)
                            + ")", "retried {{job}} {{operation}}"),
                    target("B", "sum by (job, operation) (" + rate(select(DEAD_LETTERS, service, "consumer", true), true, null)
                            + ")", "dead-lettered {{job}} {{operation}}")));
            panels.add("Outbox: unsent rows and the oldest's age", "short", List.of(
                    target("A", "sum by (job) (" + select(OUTBOX_DEPTH, service, null, true) + ")", "unsent {{job}}"),
                    target("B", "max by (job) (" + select(OUTBOX_OLDEST_AGE, service, null, true) + ")",
                            "oldest age (s) {{job}}")));
        }

        Map<String, Object> dashboard = map(
                "uid", "switchboard-" + service.toLowerCase(Locale.ROOT),
                "title", service + " (Switchboard)",
                "description", SpecFiles.header(input),
                "tags", List.of("switchboard", service),
                "schemaVersion", 39,
                "version", 1,
                "editable", true,
                "graphTooltip", 1,
                "time", map("from", "now-1h", "to", "now"),
                "refresh", "30s",
                "templating", map("list", List.of(
                        map("name", "datasource", "label", "Data source", "type", "datasource", "query", "prometheus"),
                        map("name", "job", "label", "Job", "type", "query", "datasource", DATASOURCE,
                                "query", map("query", "label_values(" + CALLS + "{service=\"" + service + "\"}, job)",
                                        "refId", "jobs"),
                                "refresh", 2, "includeAll", true, "multi", true, "allValue", ".*",
                                "current", map("text", "All", "value", "$__all")))),
                "panels", panels.all);
        return List.of(SpecFiles.resource(input, FILE_NAME, JsonDocument.write(dashboard)));
    }

    private static final Map<String, Object> DATASOURCE = map("type", "prometheus", "uid", "${datasource}");

    private static Map<String, Object> target(String refId, String expr, String legend) {
        return map("refId", refId, "datasource", DATASOURCE, "expr", expr, "legendFormat", legend);
    }

    /** Panels laid out two to a row of the grid, rows as Grafana's collapsible headers. */
    private static final class Panels {

        private final List<Object> all = new ArrayList<>();
        private int id;
        private int y;
        private int column;

        void row(String title) {
            y += column == 0 ? 0 : 8;
            column = 0;
            all.add(map("type", "row", "id", ++id, "title", title, "collapsed", false,
                    "gridPos", map("h", 1, "w", 24, "x", 0, "y", y), "panels", List.of()));
            y += 1;
        }

        void add(String title, String unit, String legend, String expr) {
            add(title, unit, List.of(target("A", expr, legend)));
        }

        void add(String title, String unit, List<Map<String, Object>> targets) {
            all.add(map("type", "timeseries", "id", ++id, "title", title, "datasource", DATASOURCE,
                    "gridPos", map("h", 8, "w", 12, "x", column * 12, "y", y),
                    "fieldConfig", map("defaults", map("unit", unit), "overrides", List.of()),
                    "options", map("legend", map("displayMode", "list", "placement", "bottom", "showLegend", true),
                            "tooltip", map("mode", "multi", "sort", "desc")),
                    "targets", targets));
            column = 1 - column;
            y += column == 0 ? 8 : 0;
        }
    }
}
