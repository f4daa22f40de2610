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
 * The service header and the spelling of every name, and clashes between generated class names.
 */
class HeaderAndNameRulesTest {

    static Stream<Arguments> contracts() {
        return Stream.of(
                arguments("service not PascalCase", """
                        switchboard: 1
                        service: order_service
                        package: com.example.orders
                        """,
                        List.of(
                                "t.yaml:2:10: service name order_service is not PascalCase — write service: OrderService")),
                arguments("package segment with capitals", """
                        switchboard: 1
                        service: Orders
                        package: com.Example.orders
                        """,
                        List.of(
                                "t.yaml:3:10: package com.Example.orders is not a valid Java package: segment Example is not a lowercase identifier — write dot-separated lowercase identifiers that are not Java keywords, e.g. com.example.orders")),
                arguments("package segment that is a Java keyword", """
                        switchboard: 1
                        service: Orders
                        package: com.example.new
                        """,
                        List.of(
                                "t.yaml:3:10: package com.example.new is not a valid Java package: new is a Java keyword — write dot-separated lowercase identifiers that are not Java keywords, e.g. com.example.orders")),
                arguments("package with an empty segment", """
                        switchboard: 1
                        service: Orders
                        package: com..orders
                        """,
                        List.of(
                                "t.yaml:3:10: package com..orders is not a valid Java package: it has an empty segment — write dot-separated lowercase identifiers that are not Java keywords, e.g. com.example.orders")),
                arguments("package under java, which the JDK keeps for itself", """
                        switchboard: 1
                        service: Orders
                        package: java.orders
                        """,
                        List.of(
                                "t.yaml:3:10: package java.orders is not a valid Java package: java and its subpackages belong to the JDK, which refuses to load other classes into them — use a package of your own, e.g. com.example.orders")),
                arguments("fields that are one protobuf field; aB and ab are a_b and ab", HEADER + """
                        types:
                          Customer:
                            fields:
                              customerId: { type: string, tag: 1 }
                              customerID: { type: string, tag: 2 }
                              aB: { type: string, tag: 3 }
                              ab: { type: string, tag: 4 }
                        """,
                        List.of(
                                "t.yaml:8:7: field Customer.customerID is customer_id in protobuf, as is Customer.customerId — rename one of them")),
                arguments("enum values that are one protobuf enum value, also with an acronym", HEADER + """
                        types:
                          OrderStatus:
                            enum: { ACTIVE: 1 }
                          Order:
                            enum: { STATUS_ACTIVE: 1, STATUS_UNSPECIFIED: 2, STATUSACTIVE: 3 }
                          HTTPServer:
                            enum: { UP: 1 }
                          HTTP:
                            enum: { SERVER_UP: 1 }
                        """,
                        List.of(
                                "t.yaml:8:13: enum value Order.STATUS_ACTIVE is ORDER_STATUS_ACTIVE in protobuf, as is OrderStatus.ACTIVE: protobuf enum values share one scope — rename Order.STATUS_ACTIVE",
                                "t.yaml:8:31: enum value Order.STATUS_UNSPECIFIED is ORDER_STATUS_UNSPECIFIED in protobuf, as is the implicit OrderStatus.UNSPECIFIED: protobuf enum values share one scope — rename Order.STATUS_UNSPECIFIED",
                                "t.yaml:12:13: enum value HTTP.SERVER_UP is HTTP_SERVER_UP in protobuf, as is HTTPServer.UP: protobuf enum values share one scope — rename HTTP.SERVER_UP")),
                arguments("type named like the service, which protobuf declares beside it", HEADER + """
                        types:
                          Orders:
                            fields: {}
                        operations:
                          get: { input: Orders, output: Orders }
                        """,
                        List.of(
                                "t.yaml:5:3: type Orders has the name of the service, and protobuf declares the service and its types side by side in one package — rename type Orders")),
                arguments("type named like the service is fine without operations: no protobuf service", HEADER + """
                        types:
                          Orders:
                            fields: {}
                        """,
                        List.of()),
                arguments("version that is not a version number", HEADER + """
                        version: v1-beta
                        """,
                        List.of(
                                "t.yaml:4:10: version v1-beta is not a version number — write MAJOR.MINOR.PATCH, e.g. version: 1.3.0")),
                arguments("type name not PascalCase", HEADER + """
                        types:
                          order_item:
                            fields: {}
                        """,
                        List.of(
                                "t.yaml:5:3: type name order_item is not PascalCase — write OrderItem")),
                arguments("field name not camelCase", HEADER + """
                        types:
                          Order:
                            fields:
                              Customer_id: { type: string, tag: 1 }
                        """,
                        List.of(
                                "t.yaml:7:7: field name Order.Customer_id is not camelCase — write customerId")),
                arguments("enum value not UPPER_SNAKE_CASE", HEADER + """
                        types:
                          Status:
                            enum: { inProgress: 1 }
                        """,
                        List.of(
                                "t.yaml:6:13: enum value Status.inProgress is not UPPER_SNAKE_CASE — write IN_PROGRESS")),
                arguments("enum value named UNSPECIFIED", HEADER + """
                        types:
                          Status:
                            enum: { UNSPECIFIED: 1 }
                        """,
                        List.of(
                                "t.yaml:6:13: enum value Status.UNSPECIFIED is implicit: every enum has UNSPECIFIED = 0 — remove it")),
                arguments("enum value named UNRECOGNIZED", HEADER + """
                        types:
                          Status:
                            enum: { UNRECOGNIZED: 1 }
                        """,
                        List.of(
                                "t.yaml:6:13: enum value Status.UNRECOGNIZED is reserved for numbers this version does not know — choose another name")),
                arguments("error name not PascalCase", HEADER + """
                        errors:
                          not_found: { code: NOT_FOUND }
                        """,
                        List.of(
                                "t.yaml:5:3: error name not_found is not PascalCase — write NotFound")),
                arguments("operation name not camelCase", HEADER + OPS_TYPES + """
                        operations:
                          GetOrder: { input: Query, output: Query }
                        """,
                        List.of(
                                "t.yaml:22:3: operation name GetOrder is not camelCase — write getOrder")),
                arguments("event name not camelCase", HEADER + MSG_TYPES + """
                        events:
                          order-created: { payload: Order, topic: orders.created }
                        """,
                        List.of(
                                "t.yaml:12:3: event name order-created is not camelCase — write orderCreated")),
                arguments("type clashes with the service interface", HEADER + """
                        types:
                          OrdersService:
                            fields: {}
                        """,
                        List.of(
                                "t.yaml:5:3: type OrdersService clashes with the generated service interface OrdersService — rename type OrdersService")),
                arguments("type clashes with the client interface", HEADER + """
                        types:
                          OrdersClient:
                            fields: {}
                        """,
                        List.of(
                                "t.yaml:5:3: type OrdersClient clashes with the generated client interface OrdersClient — rename type OrdersClient")),
                arguments("error exception clashes with a type", HEADER + """
                        types:
                          MissingException:
                            fields: {}
                        errors:
                          Missing: { code: NOT_FOUND }
                        """,
                        List.of(
                                "t.yaml:8:3: error Missing generates class MissingException, which clashes with type MissingException — rename error Missing")),
                arguments("class names that differ only in letter case", HEADER + """
                        types:
                          Order:
                            fields: {}
                          ORDER:
                            fields: {}
                          OrdersSERVICE:
                            fields: {}
                        errors:
                          Missing: { code: NOT_FOUND }
                          MISSING: { code: NOT_FOUND }
                        """,
                        List.of(
                                "t.yaml:7:3: type ORDER differs from type Order only in letter case, so their source files would overwrite each other on a case-insensitive file system (macOS, Windows) — rename type ORDER",
                                "t.yaml:9:3: type OrdersSERVICE differs from the generated service interface OrdersService only in letter case, so their source files would overwrite each other on a case-insensitive file system (macOS, Windows) — rename type OrdersSERVICE",
                                "t.yaml:13:3: error MISSING generates class MISSINGException, which differs from class MissingException generated for error Missing only in letter case, so their source files would overwrite each other on a case-insensitive file system (macOS, Windows) — rename error MISSING")),
                arguments("command named like an event", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order, topic: orders.created }
                        commands:
                          orderCreated: { payload: Order, queue: orders.create }
                        """,
                        List.of(
                                "t.yaml:14:3: command orderCreated has the same name as event orderCreated — rename one of them")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void reportsEveryProblemWithPositionAndFix(String rule, String contract, List<String> expected) {
        assertThat(Contracts.problems(contract)).containsExactlyElementsOf(expected);
    }
}
