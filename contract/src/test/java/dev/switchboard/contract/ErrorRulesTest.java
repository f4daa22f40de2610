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
 * Contract errors: gRPC status codes and message templates.
 */
class ErrorRulesTest {

    static Stream<Arguments> contracts() {
        return Stream.of(
                arguments("code OK", HEADER + """
                        errors:
                          Fine: { code: OK }
                        """,
                        List.of(
                                "t.yaml:5:17: error Fine has code OK, but OK is not an error — use the code that says what went wrong, e.g. NOT_FOUND or FAILED_PRECONDITION")),
                arguments("code misspelt", HEADER + """
                        errors:
                          Missing: { code: NOTFOUND }
                        """,
                        List.of(
                                "t.yaml:5:20: error Missing has code NOTFOUND, which is not a gRPC status code — did you mean NOT_FOUND?")),
                arguments("code unknown", HEADER + """
                        errors:
                          Broken: { code: BROKEN }
                        """,
                        List.of(
                                "t.yaml:5:19: error Broken has code BROKEN, which is not a gRPC status code — use one of CANCELLED, UNKNOWN, INVALID_ARGUMENT, DEADLINE_EXCEEDED, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, RESOURCE_EXHAUSTED, FAILED_PRECONDITION, ABORTED, OUT_OF_RANGE, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS, UNAUTHENTICATED")),
                arguments("placeholder that is not a name", HEADER + """
                        errors:
                          Missing: { code: NOT_FOUND, message: "order {order id} not found" }
                        """,
                        List.of(
                                "t.yaml:5:40: message of error Missing has placeholder {order id}, which is not a name — write placeholders as {name}: a letter, then letters, digits or _")),
                arguments("unmatched brace in the message", HEADER + """
                        errors:
                          Missing: { code: NOT_FOUND, message: "order {id not found" }
                        """,
                        List.of(
                                "t.yaml:5:40: message of error Missing has an unmatched brace — write placeholders as {name}, with one { and one }")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void reportsEveryProblemWithPositionAndFix(String rule, String contract, List<String> expected) {
        assertThat(Contracts.problems(contract)).containsExactlyElementsOf(expected);
    }
}
