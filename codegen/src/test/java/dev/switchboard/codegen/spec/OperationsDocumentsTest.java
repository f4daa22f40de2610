package dev.switchboard.codegen.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.Transport;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard and the alert rules as Grafana and Prometheus read them. That every query names a metric a
 * running service exposes, and that promtool accepts the rules, is checked in integration-tests/operations.
 */
class OperationsDocumentsTest {

    private final JsonNode dashboard = JsonMapper.builder().build()
            .readTree(RichSpecInputs.generate(new GrafanaDashboardGenerator()).content());

    @Test
    void theDashboardIsAGrafanaModelWithADataSourceAndAJobVariable() {
        assertThat(RichSpecInputs.generate(new GrafanaDashboardGenerator()).relativePath())
                .isEqualTo("META-INF/switchboard/orders/grafana-dashboard.json");
        assertThat(dashboard.path("uid").asString()).isEqualTo("switchboard-orders");
        assertThat(dashboard.path("title").asString()).isEqualTo("Orders (Switchboard)");
        assertThat(dashboard.path("schemaVersion").asInt()).isEqualTo(39);
        assertThat(dashboard.path("templating").path("list").valueStream().map(v -> v.path("name").asString()))
                .containsExactly("datasource", "job");
    }

    @Test
    void everyPanelQueriesThePrometheusVariableAndHasItsOwnPlace() {
        List<JsonNode> panels = dashboard.path("panels").valueStream().toList();
        assertThat(panels).extracting(p -> p.path("id").asInt()).doesNotHaveDuplicates();
        assertThat(panels).filteredOn(p -> p.path("type").asString().equals("row"))
                .extracting(p -> p.path("title").asString())
                .containsExactly("Served calls", "Calls from other services to Orders", "Messages");
        for (JsonNode panel : panels.stream().filter(p -> p.path("type").asString().equals("timeseries")).toList()) {
            assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
            assertThat(panel.path("targets").valueStream().toList()).isNotEmpty().allSatisfy(target ->
                    assertThat(target.path("expr").asString()).contains("service=\"Orders\"").contains("job=~\"$job\""));
        }
        assertThat(panels).extracting(p -> p.path("gridPos").path("x").asInt() + "," + p.path("gridPos").path("y").asInt())
                .as("no two panels on one spot").doesNotHaveDuplicates();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRulesAreAPrometheusRuleFileOfUniquelyNamedAlerts() {
        GeneratedFile file = RichSpecInputs.generate(new PrometheusRulesGenerator());
        assertThat(file.relativePath()).isEqualTo("META-INF/switchboard/orders/prometheus-rules.yaml");
        Map<String, Object> rules = new Yaml().load(file.content());
        List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
        assertThat(groups).singleElement().extracting(g -> g.get("name")).isEqualTo("switchboard-orders");
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) groups.get(0).get("rules");
        assertThat(alerts).extracting(a -> a.get("alert")).containsExactly("OrdersCallsFailing", "OrdersCircuitOpen",
                "OrdersCallersRetrying", "OrdersPublishesFailing", "OrdersMessagesDeadLettered", "OrdersOutboxBehind");
        assertThat(alerts).allSatisfy(alert -> {
            assertThat((Map<String, Object>) alert.get("labels")).containsEntry("service", "Orders").containsKey("severity");
            assertThat((Map<String, Object>) alert.get("annotations")).containsKeys("summary", "description");
        });
    }

    @Test
    void aServiceWithoutMessagesHasNoMessagePanelsOrRules() {
        ContractInput pings = new ContractInput(RichSpecInputs.pings(), "pings.yaml", Set.of(Role.SERVER),
                EnumSet.allOf(Transport.class));
        String dashboard = new GrafanaDashboardGenerator().generate(pings).get(0).content();
        String rules = new PrometheusRulesGenerator().generate(pings).get(0).content();

        assertThat(dashboard).contains("Served calls").doesNotContain("Messages").doesNotContain("outbox");
        assertThat(rules).contains("PingsCallsFailing").doesNotContain("DeadLettered").doesNotContain("Outbox");
    }

    @Test
    void aClientOnlyBuildGetsNeither() {
        ContractInput client = RichSpecInputs.input(Role.CLIENT, Role.CONSUMER);
        assertThat(new GrafanaDashboardGenerator().appliesTo(client)).isFalse();
        assertThat(new PrometheusRulesGenerator().appliesTo(client)).isFalse();
    }
}
