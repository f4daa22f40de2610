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
 * Operations: input/output types, declared errors, the HTTP mapping and route clashes.
 */
class OperationRulesTest {

    static Stream<Arguments> contracts() {
        return Stream.of(
                arguments("input missing", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { output: Query }
                        """,
                        List.of(
                                "t.yaml:22:3: operation getOrder has no input — add input: <MessageType>, e.g. input: GetOrderRequest")),
                arguments("output missing", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query }
                        """,
                        List.of(
                                "t.yaml:22:3: operation getOrder has no output — add output: <MessageType>")),
                arguments("input unknown, close to a message type", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Querry, output: Query }
                        """,
                        List.of(
                                "t.yaml:22:22: operation getOrder has input Querry, which is not a declared type — did you mean Query?")),
                arguments("input that is an enum", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Status, output: Query }
                        """,
                        List.of(
                                "t.yaml:22:22: operation getOrder has input Status, which is an enum, not a message type — wrap it in a message type, e.g. a type with a field value: { type: Status, tag: 1 }")),
                arguments("input that is a scalar", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: string, output: Query }
                        """,
                        List.of(
                                "t.yaml:22:22: operation getOrder has input string, which is a scalar, not a message type — wrap it in a message type, e.g. a type with a field value: { type: string, tag: 1 }")),
                arguments("output that is a list", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: stream list<Query> }
                        """,
                        List.of(
                                "t.yaml:22:37: operation getOrder has output list<Query>, which is a list, not a message type — wrap it in a message type, e.g. a type with a field value: { type: list<Query>, tag: 1 }")),
                arguments("error that is not declared", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, errors: [OrderNotFund] }
                        """,
                        List.of(
                                "t.yaml:22:53: operation getOrder lists error OrderNotFund, which is not declared — did you mean OrderNotFound?")),
                arguments("error listed twice", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, errors: [OrderNotFound, OrderNotFound] }
                        """,
                        List.of(
                                "t.yaml:22:68: operation getOrder lists error OrderNotFound twice — remove the second OrderNotFound")),
                arguments("errors that is not a list", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, errors: OrderNotFound }
                        """,
                        List.of(
                                "t.yaml:22:52: errors of operation getOrder must be a list, not the value 'OrderNotFound' — write errors: [OrderNotFound, OutOfStock]")),
                arguments("idempotent that is not a boolean", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, idempotent: sometimes }
                        """,
                        List.of(
                                "t.yaml:22:56: idempotent of operation getOrder must be true or false, not 'sometimes' — write idempotent: true or idempotent: false")),
                arguments("unknown operation key, close to a policy", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, timout: 1s }
                        """,
                        List.of(
                                "t.yaml:22:44: operation getOrder has unknown key timout — did you mean timeout?")),
                arguments("http without a path", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, http: GET }
                        """,
                        List.of(
                                "t.yaml:22:50: http of operation getOrder is 'GET', which is not METHOD /path — write the method and the path, e.g. http: GET /orders/{id}")),
                arguments("http method that does not exist", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, http: FETCH /orders }
                        """,
                        List.of(
                                "t.yaml:22:50: http of operation getOrder uses method FETCH, which is not supported — use one of GET, POST, PUT, PATCH, DELETE")),
                arguments("http method in lower case", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, http: get /orders }
                        """,
                        List.of(
                                "t.yaml:22:50: http of operation getOrder uses method get, which is not supported — write it in capitals: GET")),
                arguments("http path without leading slash", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, http: GET orders }
                        """,
                        List.of(
                                "t.yaml:22:50: http path orders of operation getOrder does not start with / — write /orders")),
                arguments("http path with an empty segment", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, http: GET /orders//all }
                        """,
                        List.of(
                                "t.yaml:22:50: http path /orders//all of operation getOrder has an empty segment — remove the extra / (no // and no trailing /)")),
                arguments("http path segment mixing literal and variable", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, http: "GET /orders/{id}.json" }
                        """,
                        List.of(
                                "t.yaml:22:50: http path segment {id}.json of operation getOrder is neither a literal nor a {field} variable — write literal segments of letters, digits, '.', '_', '~' and '-', or a whole segment {field} naming a camelCase input field")),
                arguments("http on a client-streaming operation", HEADER + OPS_TYPES + """
                        operations:
                          importOrders: { input: stream Body, output: Query, http: POST /orders/import }
                        """,
                        List.of(
                                "t.yaml:22:60: operation importOrders is client streaming, which REST cannot carry, but has http — remove http: client- and bidi-streaming operations are gRPC only")),
                arguments("http on a bidi-streaming operation", HEADER + OPS_TYPES + """
                        operations:
                          trackOrders: { input: stream Body, output: stream Query, http: POST /orders/track }
                        """,
                        List.of(
                                "t.yaml:22:66: operation trackOrders is bidi streaming, which REST cannot carry, but has http — remove http: client- and bidi-streaming operations are gRPC only")),
                arguments("path variable that is not an input field", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, http: "GET /orders/{idd}" }
                        """,
                        List.of(
                                "t.yaml:22:50: path variable {idd} of operation getOrder is not a field of its input Query — did you mean id?")),
                arguments("path variable naming an optional field", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, http: "GET /orders/{note}" }
                        """,
                        List.of(
                                "t.yaml:22:50: path variable {note} of operation getOrder names optional field Query.note — remove optional: true from the field, a path segment is always present")),
                arguments("path variable naming a bytes field", HEADER + OPS_TYPES + """
                        operations:
                          putBlob: { input: Body, output: Query, http: "PUT /blobs/{blob}" }
                        """,
                        List.of(
                                "t.yaml:22:48: path variable {blob} of operation putBlob names field Body.blob of type bytes, but path variables must be scalars other than bytes, or enums — use a string, number, bool or enum field in the path, and carry blob in the body")),
                arguments("path variable naming a list field", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, http: "GET /orders/{tags}" }
                        """,
                        List.of(
                                "t.yaml:22:50: path variable {tags} of operation getOrder names field Query.tags of type list<string>, but path variables must be scalars other than bytes, or enums — use a string, number, bool or enum field in the path, and carry tags in the body")),
                arguments("path variable used twice", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, http: "GET /orders/{id}/{id}" }
                        """,
                        List.of(
                                "t.yaml:22:50: http path /orders/{id}/{id} of operation getOrder uses {id} twice — use each input field once in the path")),
                arguments("GET with message, bytes and map fields as query parameters", HEADER + OPS_TYPES + """
                        operations:
                          findOrder: { input: Body, output: Query, http: POST /orders/find }
                          getOrder: { input: Body, output: Query, http: "GET /orders/{id}" }
                        """,
                        List.of(
                                "t.yaml:23:49: operation getOrder uses GET, so field Body.item (Query) would be a query parameter, but query parameters can only be scalars other than bytes, enums, or lists of them — use POST so the input travels as the JSON body, or change the type of item",
                                "t.yaml:23:49: operation getOrder uses GET, so field Body.blob (bytes) would be a query parameter, but query parameters can only be scalars other than bytes, enums, or lists of them — use POST so the input travels as the JSON body, or change the type of blob",
                                "t.yaml:23:49: operation getOrder uses GET, so field Body.attrs (map<string,string>) would be a query parameter, but query parameters can only be scalars other than bytes, enums, or lists of them — use POST so the input travels as the JSON body, or change the type of attrs")),
                arguments("DELETE with a list of messages as query parameter", HEADER + """
                        types:
                          Batch:
                            fields:
                              id: { type: string, tag: 1 }
                              lines: { type: list<Batch>, tag: 2 }
                        operations:
                          deleteBatch: { input: Batch, output: Batch, http: "DELETE /batches/{id}" }
                        """,
                        List.of(
                                "t.yaml:10:53: operation deleteBatch uses DELETE, so field Batch.lines (list<Batch>) would be a query parameter, but query parameters can only be scalars other than bytes, enums, or lists of them — use POST so the input travels as the JSON body, or change the type of lines")),
                arguments("two operations on one route", HEADER + OPS_TYPES + """
                        operations:
                          getOrder: { input: Query, output: Query, http: "GET /orders/{id}" }
                          findOrder: { input: Query, output: Query, http: "GET /orders/{status}" }
                        """,
                        List.of(
                                "t.yaml:23:51: http route GET /orders/{status} of operation findOrder clashes with GET /orders/{id} of operation getOrder — change the method or the path of one of them")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void reportsEveryProblemWithPositionAndFix(String rule, String contract, List<String> expected) {
        assertThat(Contracts.problems(contract)).containsExactlyElementsOf(expected);
    }
}
