package dev.switchboard.codegen.spec;

/**
 * The Prometheus names of the metrics every Switchboard service exposes (README, "Metrics"), and the selectors
 * the generated dashboard and alert rules build on. Everything is scoped by the contract's {@code service} tag:
 * served calls, calls other services make to it, its messages published and consumed, its outbox.
 */
final class CallMetrics {

    /** {@code switchboard.call}: one per served call, client call, publish and delivery. */
    static final String CALLS = "switchboard_call_seconds_count";
    static final String CALL_SECONDS = "switchboard_call_seconds_sum";
    static final String CALL_SECONDS_MAX = "switchboard_call_seconds_max";
    /** Events of a call's observation: attempts after the first, open-circuit refusals, messages dead-lettered. */
    static final String RETRIES = "switchboard_call_retry_total";
    static final String CIRCUIT_OPEN = "switchboard_call_circuit_open_total";
    static final String DEAD_LETTERS = "switchboard_call_dead_letter_total";
    /** The transactional outbox's backlog. */
    static final String OUTBOX_DEPTH = "switchboard_outbox_depth";
    static final String OUTBOX_OLDEST_AGE = "switchboard_outbox_oldest_age_seconds";

    /**
     * Outcomes that are the service's fault rather than the caller's (bad input, missing entities, refused
     * credentials and contract errors are answers, not failures).
     */
    static final String FAILURE_OUTCOMES = "UNKNOWN|INTERNAL|UNAVAILABLE|DEADLINE_EXCEEDED|DATA_LOSS";

    private CallMetrics() {}

    /** {@code metric{service="Orders",kind="server",...}}, narrowed to the dashboard's {@code $job} when asked. */
    static String select(String metric, String service, String kind, boolean dashboard, String... matchers) {
        StringBuilder selector = new StringBuilder(metric).append('{');
        if (dashboard) {
            selector.append("job=~\"$job\", ");
        }
        selector.append("service=\"").append(service).append('"');
        if (kind != null) {
            selector.append(", kind=\"").append(kind).append('"');
        }
        for (String matcher : matchers) {
            selector.append(", ").append(matcher);
        }
        return selector.append('}').toString();
    }

    /** Per-second rate over the dashboard's interval, or {@code window} in a rule. */
    static String rate(String selector, boolean dashboard, String window) {
        return "rate(" + selector + "[" + (dashboard ? "$__rate_interval" : window) + "])";
    }
}
