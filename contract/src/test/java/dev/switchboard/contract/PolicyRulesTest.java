package dev.switchboard.contract;

import static dev.switchboard.contract.Contracts.HEADER;
import static dev.switchboard.contract.Contracts.MSG_TYPES;
import static dev.switchboard.contract.Contracts.OPS_TYPES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Durations and resilience policies, at service level, per operation and per event.
 */
class PolicyRulesTest {

    static Stream<Arguments> contracts() {
        return Stream.of(
                arguments("duration with a spelled-out unit", HEADER + """
                        policies:
                          timeout: 2 sec
                        """,
                        List.of(
                                "t.yaml:5:12: timeout of policies is '2 sec', which is not a duration — write a whole number and a unit ms, s, m or h, e.g. 500ms, 2s, 1m")),
                arguments("duration without a unit", HEADER + """
                        policies:
                          timeout: 500
                        """,
                        List.of(
                                "t.yaml:5:12: timeout of policies is '500', which is not a duration — add a unit: 500ms or 500s")),
                arguments("zero duration", HEADER + """
                        policies:
                          deadline: 0s
                        """,
                        List.of(
                                "t.yaml:5:13: deadline of policies is 0s, but a duration must be greater than zero — write a positive duration such as 500ms")),
                arguments("timeout longer than the deadline", HEADER + """
                        policies:
                          timeout: 10s
                          deadline: 5s
                        """,
                        List.of(
                                "t.yaml:5:12: timeout of policies (10s) is longer than its deadline (5s) — make the timeout of one attempt at most the deadline of all attempts, e.g. timeout: 5s")),
                arguments("retry with zero attempts", HEADER + """
                        policies:
                          retry: { attempts: 0 }
                        """,
                        List.of(
                                "t.yaml:5:22: attempts of retry of policies is 0, but must be between 1 and 10 — use 1 to 10 attempts (1 means no retry)")),
                arguments("retry with eleven attempts", HEADER + """
                        policies:
                          retry: { attempts: 11 }
                        """,
                        List.of(
                                "t.yaml:5:22: attempts of retry of policies is 11, but must be between 1 and 10 — use 1 to 10 attempts (1 means no retry)")),
                arguments("maxBackoff shorter than backoff", HEADER + """
                        policies:
                          retry: { backoff: 1s, maxBackoff: 100ms }
                        """,
                        List.of(
                                "t.yaml:5:37: maxBackoff of retry of policies (100ms) is shorter than backoff (1s) — make maxBackoff at least 1s")),
                arguments("jitter above 1", HEADER + """
                        policies:
                          retry: { jitter: 1.5 }
                        """,
                        List.of(
                                "t.yaml:5:20: jitter of retry of policies is 1.5, but must be between 0 and 1 — write a fraction of the backoff, e.g. jitter: 0.2")),
                arguments("budget above 100%", HEADER + """
                        policies:
                          retry: { budget: 150% }
                        """,
                        List.of(
                                "t.yaml:5:20: budget of retry of policies is 1.5, but must be between 0 and 1 (0% to 100%) — write e.g. budget: 20% or budget: 0.2")),
                arguments("budget that is not a percentage", HEADER + """
                        policies:
                          retry: { budget: most }
                        """,
                        List.of(
                                "t.yaml:5:20: budget of retry of policies must be a percentage, not 'most' — write budget: 20% or budget: 0.2")),
                arguments("retry that is not a mapping", HEADER + """
                        policies:
                          retry: 3
                        """,
                        List.of(
                                "t.yaml:5:10: retry of policies must be a mapping, not the value '3' — write it as { attempts: 3, backoff: 50ms, maxBackoff: 1s }")),
                arguments("failureRate zero", HEADER + """
                        policies:
                          circuitBreaker: { failureRate: 0 }
                        """,
                        List.of(
                                "t.yaml:5:34: failureRate of circuitBreaker of policies is 0, but must be between 1 and 100 (percent) — write e.g. failureRate: 50%")),
                arguments("failureRate above 100%", HEADER + """
                        policies:
                          circuitBreaker: { failureRate: 150% }
                        """,
                        List.of(
                                "t.yaml:5:34: failureRate of circuitBreaker of policies is 150, but must be between 1 and 100 (percent) — write e.g. failureRate: 50%")),
                arguments("minimumCalls zero", HEADER + """
                        policies:
                          circuitBreaker: { minimumCalls: 0 }
                        """,
                        List.of(
                                "t.yaml:5:35: minimumCalls of circuitBreaker of policies is 0, but must be at least 1 — write e.g. minimumCalls: 20")),
                arguments("window zero", HEADER + """
                        policies:
                          circuitBreaker: { window: 0 }
                        """,
                        List.of(
                                "t.yaml:5:29: window of circuitBreaker of policies is 0, but must be at least 1 — write the number of recent calls to judge, e.g. window: 100")),
                arguments("window smaller than minimumCalls", HEADER + """
                        policies:
                          circuitBreaker: { minimumCalls: 20, window: 10 }
                        """,
                        List.of(
                                "t.yaml:5:47: window of circuitBreaker of policies (10 calls) is smaller than minimumCalls (20) — make window at least 20")),
                arguments("concurrency zero", HEADER + """
                        policies:
                          concurrency: 0
                        """,
                        List.of(
                                "t.yaml:5:16: concurrency of policies is 0, but must be at least 1 — write the most calls in flight at once, e.g. concurrency: 64")),
                arguments("rateLimit with zero permits", HEADER + """
                        policies:
                          rateLimit: { permits: 0, per: 1s }
                        """,
                        List.of(
                                "t.yaml:5:25: permits of rateLimit of policies is 0, but must be at least 1 — write e.g. permits: 100")),
                arguments("rateLimit without per", HEADER + """
                        policies:
                          rateLimit: { permits: 10 }
                        """,
                        List.of(
                                "t.yaml:5:14: rateLimit of policies has no per — add per: <duration>, e.g. per: 1s")),
                arguments("unknown policy, close to a known one", HEADER + """
                        policies:
                          circuitBraker: { openFor: 10s }
                        """,
                        List.of(
                                "t.yaml:5:3: policies has unknown key circuitBraker — did you mean circuitBreaker?")),
                arguments("operation timeout longer than its deadline", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, timeout: 3s, deadline: 2s }
                        """,
                        List.of(
                                "t.yaml:22:53: timeout of operation getOrder (3s) is longer than its deadline (2s) — make the timeout of one attempt at most the deadline of all attempts, e.g. timeout: 2s")),
                arguments("operation retry with zero attempts", HEADER + OPS_TYPES + """
                        operations:
                          getOrder:
                            input: Query
                            output: Query
                            retry: { attempts: 0 }
                        """,
                        List.of(
                                "t.yaml:25:24: attempts of retry of operation getOrder is 0, but must be between 1 and 10 — use 1 to 10 attempts (1 means no retry)")),
                arguments("operation timeout longer than the service deadline", HEADER + """
                        policies:
                          deadline: 2s
                        """ + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, timeout: 3s }
                        """,
                        List.of(
                                "t.yaml:24:53: timeout of operation getOrder (3s) is longer than its deadline (2s), one of them taken from the service policies — make the timeout of one attempt at most the deadline of all attempts, or override both here")),
                arguments("operation backoff longer than the service maxBackoff", HEADER + """
                        policies:
                          retry: { backoff: 50ms, maxBackoff: 1s }
                        """ + OPS_TYPES + """
                        operations:
                          getOrder:
                            input: Query
                            output: Query
                            retry: { backoff: 2s }
                        """,
                        List.of(
                                "t.yaml:27:23: retry of operation getOrder ends up with maxBackoff 1s shorter than backoff 2s, one of them taken from the service policies — override both backoff and maxBackoff here, with maxBackoff at least backoff")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void reportsEveryProblemWithPositionAndFix(String rule, String contract, List<String> expected) {
        assertThat(Contracts.problems(contract)).containsExactlyElementsOf(expected);
    }
}
