package dev.switchboard.codegen.spec;

import static dev.switchboard.codegen.spec.CallMetrics.CALLS;
import static dev.switchboard.codegen.spec.CallMetrics.CIRCUIT_OPEN;
import static dev.switchboard.codegen.spec.CallMetrics.DEAD_LETTERS;
import static dev.switchboard.codegen.spec.CallMetrics.FAILURE_OUTCOMES;
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
 * Prometheus alert rules for a service, from the metric every service exposes, in the rule-file format
 * ({@code rule_files:} in prometheus.yml, or a PrometheusRule's {@code spec}): its calls failing, callers
 * refused by their circuit or retrying heavily, publishes failing, messages dead-lettered, the outbox falling
 * behind. Thresholds are starting points a team tunes by copying the rule.
 */
public final class PrometheusRulesGenerator implements OutputGenerator {

    static final String FILE_NAME = "prometheus-rules.yaml";
    private static final String WINDOW = "5m";

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.has(Role.SERVER) || input.has(Role.PUBLISHER);
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        String service = contract.service();
        List<Object> rules = new ArrayList<>();
        if (!contract.operations().isEmpty()) {
            rules.add(rule(service, "CallsFailing", ratio(service, "server", "operation, transport",
                    "outcome=~\"" + FAILURE_OUTCOMES + "\"") + " > 0.05", "5m", "critical",
                    "{{ $labels.operation }} over {{ $labels.transport }} fails {{ $value | humanizePercentage }} of its calls",
                    "More than 5% of the calls " + service + " served ended " + FAILURE_OUTCOMES.replace("|", ", ")
                            + " for 5 minutes (job {{ $labels.job }})."));
            rules.add(rule(service, "CircuitOpen", "sum by (job, operation) ("
                    + rate(select(CIRCUIT_OPEN, service, "client", false), false, WINDOW) + ") > 0", "1m", "warning",
                    "{{ $labels.job }} refuses its calls to " + service + ".{{ $labels.operation }}: the circuit is open",
                    "A caller's circuit breaker for " + service + " opened after repeated failures; its calls fail at once"
                            + " (or take their fallback) until a trial call succeeds."));
            rules.add(rule(service, "CallersRetrying", "sum by (job, operation) ("
                    + rate(select(RETRIES, service, "client", false), false, WINDOW) + ") / sum by (job, operation) ("
                    + rate(select(CALLS, service, "client", false), false, WINDOW) + ") > 0.2", "10m", "warning",
                    "{{ $labels.job }} retries {{ $value | humanizePercentage }} of its calls to " + service
                            + ".{{ $labels.operation }}",
                    "Callers of " + service + " need a retry for more than one call in five: it is overloaded or"
                            + " failing intermittently, and the retries add to its load."));
        }
        if (!contract.events().isEmpty() || !contract.commands().isEmpty()) {
            rules.add(rule(service, "PublishesFailing", ratio(service, "producer", "operation, transport",
                    "outcome!=\"OK\"") + " > 0.05", "5m", "critical",
                    "publishing {{ $labels.operation }} over {{ $labels.transport }} fails"
                            + " {{ $value | humanizePercentage }} of the time",
                    "The broker does not confirm the messages " + service + " publishes; with an outbox they wait in it,"
                            + " without one the callers see the failure."));
            rules.add(rule(service, "MessagesDeadLettered", "sum by (job, operation) (increase("
                    + select(DEAD_LETTERS, service, "consumer", false) + "[10m])) > 0", "0m", "warning",
                    "{{ $labels.job }} dead-lettered {{ $value }} {{ $labels.operation }} message(s) in 10 minutes",
                    "A consumer gave up on messages (malformed, or failing after every retry); they wait on the"
                            + " dead-letter destination with the reason in their headers."));
            rules.add(rule(service, "OutboxBehind", "max by (job) (" + select(OUTBOX_OLDEST_AGE, service, null, false)
                    + ") > 60", "5m", "critical",
                    "{{ $labels.job }}'s outbox has held a message for {{ $value | humanizeDuration }}",
                    "Messages committed with " + service + "'s data are not reaching the broker: it is down or"
                            + " refusing them. Nothing is lost; they go out once it is back."));
        }
        Map<String, Object> document = map("groups", List.of(
                map("name", "switchboard-" + service.toLowerCase(Locale.ROOT), "rules", rules)));
        return List.of(SpecFiles.resource(input, FILE_NAME, YamlDocument.write(SpecFiles.header(input), document)));
    }

    /** The share of {@code kind} calls matching {@code matcher}, per job and {@code by}. */
    private static String ratio(String service, String kind, String by, String matcher) {
        return "sum by (job, " + by + ") (" + rate(select(CALLS, service, kind, false, matcher), false, WINDOW)
                + ") / sum by (job, " + by + ") (" + rate(select(CALLS, service, kind, false), false, WINDOW) + ")";
    }

    private static Map<String, Object> rule(String service, String name, String expr, String duration, String severity,
            String summary, String description) {
        return map("alert", service + name, "expr", expr, "for", duration,
                "labels", map("severity", severity, "service", service),
                "annotations", map("summary", summary, "description", description));
    }
}
