package dev.switchboard.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The counting rules: what is expected downstream, and what counts as lost, twice or a phantom. */
class ScenarioOutcomeTest {

    @Test
    void anOrderConfirmedOrCommittedIsExpectedExactlyOnce() {
        OrderLoad.Tally callers = new OrderLoad.Tally(5, Set.of("confirmed-only", "both"), 1, Map.of(),
                Map.of("ConnectException", 2));
        Map<String, Integer> orders = Map.of("both", 1, "committed-only", 1, "committed-twice", 1);
        Map<String, Integer> effects = Map.of("both", 1, "committed-twice", 2, "never-committed", 1);

        ScenarioOutcome outcome = ScenarioOutcome.of("nats", "broker-kill", callers, orders, effects,
                Duration.ofMillis(1500));

        assertThat(outcome.lost()).containsExactly("committed-only", "confirmed-only");
        assertThat(outcome.duplicates()).containsExactly("committed-twice x2");
        assertThat(outcome.phantoms()).containsExactly("never-committed");
        assertThat(outcome.committed()).isEqualTo(3);
        assertThat(outcome.effects()).isEqualTo(4);
        assertThat(outcome.summary()).isEqualTo("nats     broker-kill     sent=5 confirmed=2 503=1 500=0"
                + " unconfirmed=2{ConnectException=2} committed=3 effects=4 lost=2 duplicates=1 phantoms=1 time=1.5s");
    }
}
