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
 * Structural problems found while reading the YAML: syntax, unknown and duplicate keys, missing keys,
 * values of the wrong kind. Each case asserts the exact rendered problems, position included.
 */
class ReaderProblemsTest {

    static Stream<Arguments> contracts() {
        return Stream.of(
                arguments("unknown top-level key, close to a known one", HEADER + """
                        descripton: Orders.
                        """,
                        List.of(
                                "t.yaml:4:1: the contract has unknown key descripton — did you mean description?")),
                arguments("unknown top-level key, nothing close", HEADER + """
                        owner: team-a
                        """,
                        List.of(
                                "t.yaml:4:1: the contract has unknown key owner — remove it; allowed keys: switchboard, service, package, version, description, policies, security, types, errors, operations, events, commands")),
                arguments("duplicate top-level key", HEADER + """
                        service: Payments
                        """,
                        List.of(
                                "t.yaml:4:1: duplicate key service in the contract (first at line 2) — keep one service and remove the other")),
                arguments("duplicate field name", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 1 }
                              id: { type: string, tag: 2 }
                        """,
                        List.of(
                                "t.yaml:8:7: duplicate key id in fields of type Order (first at line 7) — keep one id and remove the other")),
                arguments("format version other than 1", """
                        switchboard: 2
                        service: Orders
                        package: com.example.orders
                        """,
                        List.of(
                                "t.yaml:1:14: switchboard is 2, but this version of Switchboard reads format 1 — write switchboard: 1")),
                arguments("format version missing", """
                        service: Orders
                        package: com.example.orders
                        """,
                        List.of(
                                "t.yaml:1:1: the contract has no switchboard — add switchboard: 1 as the first line")),
                arguments("service missing", """
                        switchboard: 1
                        package: com.example.orders
                        """,
                        List.of(
                                "t.yaml:1:1: the contract has no service — add service: <Name>, e.g. service: Orders")),
                arguments("package missing", """
                        switchboard: 1
                        service: Orders
                        """,
                        List.of(
                                "t.yaml:1:1: the contract has no package — add package: <java.package>, e.g. package: com.example.orders")),
                arguments("top level is a list", """
                        - switchboard: 1
                        """,
                        List.of(
                                "t.yaml:1:1: the contract must be a mapping, not a list — write it as keys such as switchboard: 1, service: Orders, package: com.example.orders")),
                arguments("empty document", """
                        # nothing here
                        """,
                        List.of(
                                "t.yaml:1:1: the contract is empty — start with switchboard: 1, service: <Name> and package: <java.package>")),
                arguments("YAML syntax error", """
                        switchboard: 1
                        service: Orders
                          package: com.example.orders
                        """,
                        List.of(
                                "t.yaml:3:10: the file is not valid YAML: mapping values are not allowed here — fix the YAML syntax here: indent with spaces (no tabs), put a space after each colon, quote values that contain ': ' or start with { [ * & ! | > % @")),
                arguments("unclosed flow mapping", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 1
                        """,
                        List.of(
                                "t.yaml:8:1: the file is not valid YAML: expected ',' or '}', but got <stream end> — fix the YAML syntax here: indent with spaces (no tabs), put a space after each colon, quote values that contain ': ' or start with { [ * & ! | > % @")),
                arguments("second document in the file", """
                        switchboard: 1
                        ---
                        service: Orders
                        """,
                        List.of(
                                "t.yaml:2:1: the file is not valid YAML: expected a single document in the stream, but found another document — fix the YAML syntax here: indent with spaces (no tabs), put a space after each colon, quote values that contain ': ' or start with { [ * & ! | > % @")),
                arguments("YAML merge key", HEADER + """
                        policies: &defaults
                          timeout: 1s
                        errors:
                          Missing:
                            <<: *defaults
                            code: NOT_FOUND
                        """,
                        List.of(
                                "t.yaml:8:5: error Missing uses a YAML merge key (<<) — write the keys out: merge keys are not part of the contract format")),
                arguments("types is a list", HEADER + """
                        types: [Order]
                        """,
                        List.of(
                                "t.yaml:4:8: types must be a mapping, not a list — write it as a mapping of type names, e.g. Money: { fields: ... }")),
                arguments("field written as a plain value", HEADER + """
                        types:
                          Order:
                            fields:
                              id: string
                        """,
                        List.of(
                                "t.yaml:7:11: field Order.id must be a mapping, not the value 'string' — write it as { type: string, tag: 1 }")),
                arguments("field without tag", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string }
                        """,
                        List.of(
                                "t.yaml:7:7: field Order.id has no tag — add tag: <number> with a number no other field of Order uses")),
                arguments("field without type", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { tag: 1 }
                        """,
                        List.of(
                                "t.yaml:7:7: field Order.id has no type — add type: <type>, e.g. type: string")),
                arguments("tag that is not a number", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: one }
                        """,
                        List.of(
                                "t.yaml:7:32: tag of field Order.id must be a whole number, not 'one' — write a whole number, e.g. tag: 3")),
                arguments("tag that is a quoted number", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: "1" }
                        """,
                        List.of(
                                "t.yaml:7:32: tag of field Order.id is the quoted text '1', not a number — remove the quotes")),
                arguments("tag too large for an int", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 99999999999 }
                        """,
                        List.of(
                                "t.yaml:7:32: tag of field Order.id is 99999999999, which is too large — use a number between -2147483648 and 2147483647")),
                arguments("optional that is not a boolean", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 1, optional: maybe }
                        """,
                        List.of(
                                "t.yaml:7:45: optional of field Order.id must be true or false, not 'maybe' — write optional: true or optional: false")),
                arguments("min that is not a number", HEADER + """
                        types:
                          Order:
                            fields:
                              count: { type: int32, tag: 1, min: low }
                        """,
                        List.of(
                                "t.yaml:7:42: min of field Order.count must be a number, not 'low' — write a plain number such as 0, 1.5 or -10")),
                arguments("bounds with more digits than a number may have", HEADER + """
                        types:
                          Order:
                            fields:
                              count: { type: int32, tag: 1, min: 1e99999999999 }
                              ratio: { type: decimal, tag: 2, max: 1e-401 }
                        """,
                        List.of(
                                "t.yaml:7:42: min of field Order.count is 1e99999999999, which has more than 400 digits before or after the decimal point — write a number of at most 400 digits on each side of the point",
                                "t.yaml:8:44: max of field Order.ratio is 1e-401, which has more than 400 digits before or after the decimal point — write a number of at most 400 digits on each side of the point")),
                arguments("doc that is a list", HEADER + """
                        types:
                          Order:
                            doc: [a, b]
                            fields: {}
                        """,
                        List.of(
                                "t.yaml:6:10: doc of type Order must be a single value, not a list — write doc: <value>")),
                arguments("empty value", HEADER + """
                        types:
                          Order:
                            doc:
                            fields: {}
                        """,
                        List.of(
                                "t.yaml:6:5: doc of type Order is empty — write a value after doc: or remove the key")),
                arguments("unknown field key, close to a known one", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 1, maxLenght: 10 }
                        """,
                        List.of(
                                "t.yaml:7:35: field Order.id has unknown key maxLenght — did you mean maxLength?")),
                arguments("type expression that does not parse", HEADER + """
                        types:
                          Order:
                            fields:
                              ids: { type: list<string, tag: 1 }
                        """,
                        List.of(
                                "t.yaml:7:20: field Order.ids has type 'list<string', which is not a type expression — write a scalar such as string or int64, a type name, list<T> or map<K,V>")),
                arguments("reserved that is not a list", HEADER + """
                        types:
                          Order:
                            fields: {}
                            reserved: 5
                        """,
                        List.of(
                                "t.yaml:7:15: reserved of type Order must be a list, not the value '5' — write reserved: [9, 10, 20-29]")),
                arguments("reserved entry that is neither number nor range", HEADER + """
                        types:
                          Order:
                            fields: {}
                            reserved: [five]
                        """,
                        List.of(
                                "t.yaml:7:16: reserved entry of type Order must be a whole number, not 'five' — write a number such as 9 or a range such as 20-29")),
                arguments("type with both fields and enum", HEADER + """
                        types:
                          Order:
                            fields: {}
                            enum: { A: 1 }
                        """,
                        List.of(
                                "t.yaml:7:5: type Order declares both fields and enum — keep fields for a message type or enum for an enum type")),
                arguments("type with neither fields nor enum", HEADER + """
                        types:
                          Order:
                            doc: An order.
                        """,
                        List.of(
                                "t.yaml:5:3: type Order declares neither fields nor enum — add fields: { id: { type: string, tag: 1 } } for a message type or enum: { ACTIVE: 1 } for an enum type")),
                arguments("enum value as a mapping without number", HEADER + """
                        types:
                          Status:
                            enum:
                              ACTIVE: { doc: Active. }
                        """,
                        List.of(
                                "t.yaml:7:7: enum value Status.ACTIVE has no number — add number: <number>")),
                arguments("error without code", HEADER + """
                        errors:
                          OrderNotFound: { message: not found }
                        """,
                        List.of(
                                "t.yaml:5:3: error OrderNotFound has no code — add code: <gRPC status code>, e.g. code: NOT_FOUND")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void reportsEveryProblemWithPositionAndFix(String rule, String contract, List<String> expected) {
        assertThat(Contracts.problems(contract)).containsExactlyElementsOf(expected);
    }
}
