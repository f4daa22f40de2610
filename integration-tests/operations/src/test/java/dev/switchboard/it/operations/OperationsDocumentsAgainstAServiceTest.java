package dev.switchboard.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard and the alert rules the plugin generated for this module's contract, checked against the service
 * running: after calls, retries, an open circuit, a redelivery, a dead letter and outbox traffic, every metric any
 * panel or rule queries is in its {@code /actuator/prometheus}; and promtool, Prometheus' own checker, accepts the
 * rules and fires the failure alert on failing series.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsDocumentsAgainstAServiceTest {

    /** A metric in a PromQL expression: a name with a label selector, as every generated query writes them. */
    private static final Pattern SELECTED_METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    private static final String DOCUMENTS = "META-INF/switchboard/shelf/";

    private RunningShelf shelf;
    private Set<String> exposed;

    @BeforeAll
    void startTheShelfAndUseEverything() throws Exception {
        shelf = RunningShelf.start().useEverything();
        exposed = shelf.awaitExposed(List.of());
        assertThat(shelf.get("/actuator/prometheus").body()).as("the redelivery was counted for the consumer")
                .containsPattern("switchboard_call_retry_total\\{[^}]*kind=\"consumer\"");
    }

    @AfterAll
    void stop() {
        if (shelf != null) {
            shelf.close();
        }
    }

    @Test
    void everyDashboardQueryNamesAMetricTheServiceExposes() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(resource("grafana-dashboard.json"));
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").valueStream()
                .flatMap(panel -> panel.path("targets").valueStream())
                .forEach(target -> queries.add(target.path("expr").asString()));
        dashboard.path("templating").path("list").valueStream()
                .filter(variable -> variable.path("type").asString().equals("query"))
                .forEach(variable -> queries.add(variable.path("query").path("query").asString()));

        assertThat(queries).hasSizeGreaterThan(10);
        assertNamesExposed(queries);
    }

    @Test
    void everyRuleNamesAMetricTheServiceExposes() throws IOException {
        List<String> expressions = resource("prometheus-rules.yaml").lines()
                .filter(line -> line.strip().startsWith("expr: "))
                .map(line -> line.strip().substring("expr: ".length()))
                .toList();

        assertThat(expressions).hasSize(6);
        assertNamesExposed(expressions);
    }

    @Test
    void promtoolAcceptsTheRules(@TempDir Path directory) throws Exception {
        Path rules = directory.resolve("prometheus-rules.yaml");
        Files.writeString(rules, resource("prometheus-rules.yaml"));

        Result check = promtool(directory, "check", "rules", rules.toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 6 rules found");
    }

    @Test
    void theFailureAlertFiresOnAFailingOperationAndNotOnAHealthyOne(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("prometheus-rules.yaml"), resource("prometheus-rules.yaml"));
        Files.writeString(directory.resolve("failing.test.yaml"), """
                rule_files:
                  - prometheus-rules.yaml
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'switchboard_call_seconds_count{job="shelf", service="Shelf", kind="server", operation="getItem", transport="rest", outcome="OK"}'
                        values: '0+90x20'
                      - series: 'switchboard_call_seconds_count{job="shelf", service="Shelf", kind="server", operation="getItem", transport="rest", outcome="UNAVAILABLE"}'
                        values: '0+10x20'
                      - series: 'switchboard_call_seconds_count{job="shelf", service="Shelf", kind="server", operation="getFragileItem", transport="rest", outcome="OK"}'
                        values: '0+100x20'
                    alert_rule_test:
                      - eval_time: 15m
                        alertname: ShelfCallsFailing
                        exp_alerts:
                          - exp_labels:
                              severity: critical
                              service: Shelf
                              job: shelf
                              operation: getItem
                              transport: rest
                            exp_annotations:
                              summary: 'getItem over rest fails 10% of its calls'
                              description: 'More than 5% of the calls Shelf served ended UNKNOWN, INTERNAL, UNAVAILABLE, DEADLINE_EXCEEDED, DATA_LOSS for 5 minutes (job shelf).'
                      - eval_time: 3m
                        alertname: ShelfCallsFailing
                        exp_alerts: []
                """);

        Result test = promtool(directory, "test", "rules", "failing.test.yaml");

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    private void assertNamesExposed(List<String> queries) {
        Set<String> named = new TreeSet<>();
        for (String query : queries) {
            Matcher metric = SELECTED_METRIC.matcher(query);
            int found = 0;
            while (metric.find()) {
                named.add(metric.group(1));
                found++;
            }
            assertThat(found).as("metrics in " + query).isPositive();
            assertThat(found).as("every metric in " + query + " carries a selector")
                    .isEqualTo(query.split("switchboard_", -1).length - 1);
        }
        assertThat(named).as("metrics the generated queries name, missing from /actuator/prometheus")
                .allSatisfy(name -> assertThat(exposed).contains(name));
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DOCUMENTS + name)) {
            assertThat(in).as(DOCUMENTS + name + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private record Result(int exitCode, String output) {}

    /** Runs Debian's promtool; its absence fails the test: {@code bash .ci/tools.sh} installs it. */
    private static Result promtool(Path directory, String... arguments) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assertThat(promtool).as("promtool (Debian's prometheus package): run bash .ci/tools.sh").isExecutable();
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
