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
 * Wire numbers, type references, collection shapes and constraints of message and enum types.
 */
class TypeRulesTest {

    static Stream<Arguments> contracts() {
        return Stream.of(
                arguments("tag zero", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 0 }
                        """,
                        List.of(
                                "t.yaml:7:32: field Order.id uses tag 0, which is outside 1..536870911 — pick a tag between 1 and 536870911")),
                arguments("tag above 536870911", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 536870912 }
                        """,
                        List.of(
                                "t.yaml:7:32: field Order.id uses tag 536870912, which is outside 1..536870911 — pick a tag between 1 and 536870911")),
                arguments("tag in the range protobuf reserves", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 1 }
                              items: { type: list<string>, tag: 19500 }
                        """,
                        List.of(
                                "t.yaml:8:41: field Order.items uses tag 19500, which protobuf reserves (19000-19999) — pick a tag outside 19000-19999")),
                arguments("tag used twice", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 1 }
                              note: { type: string, tag: 1 }
                        """,
                        List.of(
                                "t.yaml:8:34: field Order.note uses tag 1, which field Order.id already uses — pick a tag no other field of Order uses, e.g. 2")),
                arguments("tag the type reserves", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 1 }
                              note: { type: string, tag: 21 }
                            reserved: [9, 20-29]
                        """,
                        List.of(
                                "t.yaml:8:34: field Order.note uses tag 21, which Order reserves (20-29) — pick a tag no other field of Order uses, e.g. 30; reserved tags are never reused")),
                arguments("reserved range that runs backwards", HEADER + """
                        types:
                          Order:
                            fields: {}
                            reserved: [29-20]
                        """,
                        List.of(
                                "t.yaml:7:16: reserved range 29-20 of type Order runs backwards — write 20-29")),
                arguments("reserved entry out of range", HEADER + """
                        types:
                          Order:
                            fields: {}
                            reserved: [0]
                        """,
                        List.of(
                                "t.yaml:7:16: reserved entry 0 of type Order is outside 1..536870911 — reserve numbers between 1 and 536870911")),
                arguments("unknown type, close to a declared one", HEADER + """
                        types:
                          Money:
                            fields: {}
                          Order:
                            fields:
                              total: { type: Mony, tag: 1 }
                        """,
                        List.of(
                                "t.yaml:9:22: field Order.total refers to unknown type Mony — did you mean Money?")),
                arguments("unknown type inside a list, nothing close", HEADER + """
                        types:
                          Order:
                            fields:
                              lines: { type: list<OrderLine>, tag: 1 }
                        """,
                        List.of(
                                "t.yaml:7:22: field Order.lines refers to unknown type OrderLine — declare OrderLine under types, or use a scalar such as string or int64")),
                arguments("map key that is not string, bool or integral", HEADER + """
                        types:
                          Order:
                            fields:
                              rates: { type: map<double,string>, tag: 1 }
                        """,
                        List.of(
                                "t.yaml:7:22: field Order.rates has map key type double, but map keys must be string, bool or an integer type — use string, bool, int32, int64, uint32 or uint64 as the key")),
                arguments("map key that is an enum", HEADER + """
                        types:
                          Status:
                            enum: { ACTIVE: 1 }
                          Order:
                            fields:
                              counts: { type: map<Status, int32>, tag: 1 }
                        """,
                        List.of(
                                "t.yaml:9:23: field Order.counts has map key type Status, but map keys must be string, bool or an integer type — use string, bool, int32, int64, uint32 or uint64 as the key")),
                arguments("list directly inside a list", HEADER + """
                        types:
                          Order:
                            fields:
                              grid: { type: list<list<int32>>, tag: 1 }
                        """,
                        List.of(
                                "t.yaml:7:21: field Order.grid puts list<int32> directly inside a list or map, which protobuf cannot encode — wrap the inner collection in a message type and use that type instead")),
                arguments("map directly inside a map", HEADER + """
                        types:
                          Order:
                            fields:
                              nested:
                                type: map<string, map<string, string>>
                                tag: 1
                        """,
                        List.of(
                                "t.yaml:8:15: field Order.nested puts map<string,string> directly inside a list or map, which protobuf cannot encode — wrap the inner collection in a message type and use that type instead")),
                arguments("optional list", HEADER + """
                        types:
                          Order:
                            fields:
                              items: { type: list<string>, tag: 1, optional: true }
                        """,
                        List.of(
                                "t.yaml:7:54: field Order.items is a list<string> and cannot be optional — remove optional: lists and maps are never null, they are empty instead")),
                arguments("min on a string", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 1, min: 1 }
                        """,
                        List.of(
                                "t.yaml:7:40: field Order.id has min, but min and max apply only to numbers (int32, int64, uint32, uint64, float, double, decimal), not string — remove min, or use minLength and maxLength for the length of a string")),
                arguments("maxLength on a number", HEADER + """
                        types:
                          Order:
                            fields:
                              count: { type: int32, tag: 1, maxLength: 3 }
                        """,
                        List.of(
                                "t.yaml:7:48: field Order.count has maxLength, but minLength, maxLength and pattern apply only to string, not int32 — remove maxLength, or use min and max for numbers")),
                arguments("pattern on a list", HEADER + """
                        types:
                          Order:
                            fields:
                              ids: { type: list<string>, tag: 1, pattern: "[a-z]+" }
                        """,
                        List.of(
                                "t.yaml:7:51: field Order.ids has pattern, but minLength, maxLength and pattern apply only to string, not list<string> — remove pattern, or use minItems and maxItems for the size of a list or map")),
                arguments("minItems on a string", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 1, minItems: 1 }
                        """,
                        List.of(
                                "t.yaml:7:45: field Order.id has minItems, but minItems and maxItems apply only to lists and maps, not string — remove minItems, or use minLength and maxLength for the length of a string")),
                arguments("max on a bool", HEADER + """
                        types:
                          Order:
                            fields:
                              flag: { type: bool, tag: 1, max: 1 }
                        """,
                        List.of(
                                "t.yaml:7:40: field Order.flag has max, but min and max apply only to numbers (int32, int64, uint32, uint64, float, double, decimal), not bool — remove max")),
                arguments("min greater than max", HEADER + """
                        types:
                          Order:
                            fields:
                              count: { type: int32, tag: 1, min: 10, max: 5 }
                        """,
                        List.of(
                                "t.yaml:7:51: field Order.count has min 10 greater than max 5 — make min at most max")),
                arguments("minLength greater than maxLength", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 1, minLength: 8, maxLength: 4 }
                        """,
                        List.of(
                                "t.yaml:7:60: field Order.id has minLength 8 greater than maxLength 4 — make minLength at most maxLength")),
                arguments("minItems greater than maxItems", HEADER + """
                        types:
                          Order:
                            fields:
                              ids: { type: list<string>, tag: 1, minItems: 3, maxItems: 2 }
                        """,
                        List.of(
                                "t.yaml:7:65: field Order.ids has minItems 3 greater than maxItems 2 — make minItems at most maxItems")),
                arguments("negative minLength", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 1, minLength: -1 }
                        """,
                        List.of(
                                "t.yaml:7:46: field Order.id has minLength -1, which is negative — use 0 or more")),
                arguments("pattern that does not compile", HEADER + """
                        types:
                          Order:
                            fields:
                              id: { type: string, tag: 1, pattern: "[a-z" }
                        """,
                        List.of(
                                "t.yaml:7:44: field Order.id has pattern '[a-z', which is not a valid regular expression: Unclosed character class — write a java.util.regex pattern; it must match the whole value")),
                arguments("enum number zero", HEADER + """
                        types:
                          Status:
                            enum: { ACTIVE: 0 }
                        """,
                        List.of(
                                "t.yaml:6:21: enum value Status.ACTIVE uses number 0, but enum numbers start at 1 (0 is the implicit UNSPECIFIED) — pick a number no other value of Status uses, e.g. 1")),
                arguments("enum number used twice", HEADER + """
                        types:
                          Status:
                            enum: { ACTIVE: 1, LIVE: 1 }
                        """,
                        List.of(
                                "t.yaml:6:30: enum value Status.LIVE uses number 1, which Status.ACTIVE already uses — pick a number no other value of Status uses, e.g. 2")),
                arguments("enum number the enum reserves", HEADER + """
                        types:
                          Status:
                            enum: { ACTIVE: 1, GONE: 2 }
                            reserved: [2]
                        """,
                        List.of(
                                "t.yaml:6:30: enum value Status.GONE uses number 2, which Status reserves (2) — pick a number no other value of Status uses, e.g. 3; reserved numbers are never reused")),
                arguments("enum without values", HEADER + """
                        types:
                          Status:
                            enum: {}
                        """,
                        List.of(
                                "t.yaml:6:11: enum Status has no values — add at least one value, e.g. enum: { ACTIVE: 1 }")),
                arguments("bounds outside the range of the type; a decimal holds any", HEADER + """
                        types:
                          Limits:
                            fields:
                              small: { type: int32, tag: 1, max: 2147483648 }
                              unsigned: { type: uint32, tag: 2, min: -1 }
                              huge: { type: double, tag: 3, max: 1e309 }
                              wide: { type: decimal, tag: 4, max: 1e309 }
                              edge: { type: int64, tag: 5, min: -9223372036854775808, max: 9223372036854775807 }
                        """,
                        List.of(
                                "t.yaml:7:42: field Limits.small has max 2147483648, outside the range of int32 (-2147483648 to 2147483647) — write a max from -2147483648 to 2147483647, or use a wider type such as int64",
                                "t.yaml:8:46: field Limits.unsigned has min -1, outside the range of uint32 (0 to 4294967295) — write a min from 0 to 4294967295, or use a wider type such as int64",
                                "t.yaml:9:42: field Limits.huge has max 1E+309, outside the range of double (-1.7976931348623157E308 to 1.7976931348623157E308) — write a max from -1.7976931348623157E308 to 1.7976931348623157E308, or use a wider type such as decimal")),
                arguments("required fields that lead back to their type; lists, maps and optionals end a chain", HEADER + """
                        types:
                          Node:
                            fields:
                              self: { type: Node, tag: 1 }
                          Left:
                            fields:
                              id: { type: string, tag: 1 }
                              right: { type: Right, tag: 2 }
                          Right:
                            fields:
                              left: { type: Left, tag: 1 }
                          Tree:
                            fields:
                              children: { type: list<Tree>, tag: 1 }
                              parent: { type: Tree, tag: 2, optional: true }
                              byName: { type: map<string,Tree>, tag: 3 }
                        """,
                        List.of(
                                "t.yaml:7:7: field Node.self is required and leads back to Node through required fields (Node.self → Node), so no value of Node is valid: each would have to hold another without end — make one of these fields optional: true",
                                "t.yaml:11:7: field Left.right is required and leads back to Left through required fields (Left.right → Right.left → Left), so no value of Left is valid: each would have to hold another without end — make one of these fields optional: true")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void reportsEveryProblemWithPositionAndFix(String rule, String contract, List<String> expected) {
        assertThat(Contracts.problems(contract)).containsExactlyElementsOf(expected);
    }
}
