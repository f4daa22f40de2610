package dev.switchboard.contract.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.contract.ContractLoader;
import dev.switchboard.contract.model.ServiceContract;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CompatibilityCheckerTest {

    /** The baseline; each case edits one line of it. */
    static final String BASELINE = """
            switchboard: 1
            service: Orders
            package: com.example.orders
            version: 1.0.0
            types:
              Order:
                fields:
                  id:     { type: string, tag: 1 }
                  total:  { type: int64, tag: 2 }
                  note:   { type: string, tag: 3, optional: true }
                  status: { type: OrderStatus, tag: 4 }
                  qty:    { type: int32, tag: 5, min: 1 }
              OrderStatus:
                enum: { PENDING: 1, CONFIRMED: 2 }
              GetOrderRequest:
                fields:
                  id: { type: string, tag: 1 }
              Receipt:
                fields:
                  id: { type: string, tag: 1 }
            errors:
              OrderNotFound: { code: NOT_FOUND }
            operations:
              getOrder:
                input: GetOrderRequest
                output: Order
                http: GET /orders/{id}
                idempotent: true
                errors: [OrderNotFound]
              watchOrders:
                input: GetOrderRequest
                output: stream Order
            events:
              orderCreated:
                payload: Order
                topic: orders.created
            commands:
              cancelOrder:
                payload: GetOrderRequest
                queue: orders.cancel
            """;

    private static ServiceContract contract(String text) {
        return ContractLoader.parse("service.yaml", text);
    }

    private static CompatReport compare(String from, String to) {
        String changed = BASELINE.replace(from, to);
        assertThat(changed).as("the edit applies").isNotEqualTo(BASELINE);
        return CompatibilityChecker.compare(contract(BASELINE), contract(changed));
    }

    static Stream<Arguments> breakingChanges() {
        return Stream.of(
                Arguments.of("      note:   { type: string, tag: 3, optional: true }\n", "", "field-removed", "Order.note"),
                Arguments.of("total:  { type: int64, tag: 2 }", "total:  { type: int64, tag: 7 }", "field-tag-changed", "Order.total"),
                Arguments.of("note:   { type: string, tag: 3, optional: true }", "remark: { type: string, tag: 3, optional: true }",
                        "tag-reused", "Order.remark"),
                Arguments.of("total:  { type: int64, tag: 2 }", "total:  { type: string, tag: 2 }", "field-type-changed", "Order.total"),
                Arguments.of("note:   { type: string, tag: 3, optional: true }", "note:   { type: string, tag: 3 }",
                        "field-presence-changed", "Order.note"),
                Arguments.of("qty:    { type: int32, tag: 5, min: 1 }", "qty:    { type: int32, tag: 5, min: 2 }",
                        "constraint-tightened", "Order.qty"),
                Arguments.of("      id: { type: string, tag: 1 }\n  Receipt:", "      id: { type: string, tag: 1 }\n      shop: { type: string, tag: 2, minLength: 1 }\n  Receipt:",
                        "field-added-required", "GetOrderRequest.shop"),
                Arguments.of("enum: { PENDING: 1, CONFIRMED: 2 }", "enum: { PENDING: 1 }", "enum-value-removed", "OrderStatus.CONFIRMED"),
                Arguments.of("enum: { PENDING: 1, CONFIRMED: 2 }", "enum: { PENDING: 1, CONFIRMED: 3 }", "enum-value-renumbered",
                        "OrderStatus.CONFIRMED"),
                Arguments.of("  Receipt:\n    fields:\n      id: { type: string, tag: 1 }\n", "", "type-removed", "Receipt"),
                Arguments.of("  getOrder:", "  fetchOrder:", "operation-removed", "operation getOrder"),
                Arguments.of("    output: stream Order", "    output: Order", "streaming-changed", "operation watchOrders"),
                Arguments.of("    output: Order\n    http:", "    output: Receipt\n    http:", "output-changed", "operation getOrder"),
                Arguments.of("http: GET /orders/{id}", "http: DELETE /orders/{id}", "http-route-changed", "operation getOrder"),
                Arguments.of("http: GET /orders/{id}", "http: GET /order/{id}", "http-route-changed", "operation getOrder"),
                Arguments.of("    http: GET /orders/{id}\n", "", "http-binding-removed", "operation getOrder"),
                Arguments.of("    idempotent: true\n", "", "idempotency-dropped", "operation getOrder"),
                Arguments.of("OrderNotFound: { code: NOT_FOUND }", "OrderNotFound: { code: FAILED_PRECONDITION }",
                        "error-code-changed", "error OrderNotFound"),
                Arguments.of("events:\n  orderCreated:\n    payload: Order\n    topic: orders.created\n", "", "event-removed", "event orderCreated"),
                Arguments.of("topic: orders.created", "topic: orders.placed", "destination-renamed", "event orderCreated"),
                Arguments.of("queue: orders.cancel", "queue: orders.cancellations", "destination-renamed", "command cancelOrder"),
                Arguments.of("    payload: Order\n    topic", "    payload: Receipt\n    topic", "payload-changed", "event orderCreated"),
                Arguments.of("commands:\n  cancelOrder:\n    payload: GetOrderRequest\n    queue: orders.cancel\n", "",
                        "command-removed", "command cancelOrder"));
    }

    @ParameterizedTest(name = "{2}: {3}")
    @MethodSource("breakingChanges")
    void findsTheBreakingChange(String from, String to, String rule, String subject) {
        CompatReport report = compare(from, to);

        assertThat(report.breaking())
                .as(report.findings().toString())
                .anySatisfy(finding -> {
                    assertThat(finding.rule()).isEqualTo(rule);
                    assertThat(finding.subject()).isEqualTo(subject);
                    assertThat(finding.reason()).isNotBlank();
                    assertThat(finding.affects()).isNotEmpty();
                });
    }

    /** The baseline with its event ordered by order id. */
    static final String ORDERED = BASELINE.replace("    topic: orders.created\n",
            "    topic: orders.created\n    key: id\n    ordered: true\n");

    @Test
    void droppingOrderIsBreakingAndAddingItIsCompatible() {
        CompatReport dropped = CompatibilityChecker.compare(contract(ORDERED),
                contract(ORDERED.replace("    ordered: true\n", "")));
        CompatReport rekeyed = CompatibilityChecker.compare(contract(ORDERED),
                contract(ORDERED.replace("key: id", "key: status")));
        CompatReport added = CompatibilityChecker.compare(contract(BASELINE), contract(ORDERED));

        assertThat(dropped.breaking()).extracting(CompatFinding::rule, CompatFinding::subject)
                .containsExactly(tuple("order-dropped", "event orderCreated"));
        assertThat(rekeyed.breaking()).extracting(CompatFinding::rule).containsExactly("order-key-changed");
        assertThat(added.breaking()).as(added.findings().toString()).isEmpty();
        assertThat(added.compatible()).extracting(CompatFinding::rule).contains("order-added");
    }

    @Test
    void takingAMessageInBatchesOrOneAtATimeBreaksNobody() {
        String batched = BASELINE.replace("    topic: orders.created\n",
                "    topic: orders.created\n    batch: { max: 100, wait: 50ms }\n");
        CompatReport added = CompatibilityChecker.compare(contract(BASELINE), contract(batched));
        CompatReport resized = CompatibilityChecker.compare(contract(batched), contract(batched.replace("max: 100",
                "max: 500")));
        CompatReport removed = CompatibilityChecker.compare(contract(batched), contract(BASELINE));

        for (CompatReport report : List.of(added, resized, removed)) {
            assertThat(report.breaking()).as(report.findings().toString()).isEmpty();
            assertThat(report.compatible()).extracting(CompatFinding::rule, CompatFinding::subject)
                    .contains(tuple("batch-changed", "event orderCreated"));
        }
        assertThat(resized.compatible()).extracting(CompatFinding::reason)
                .anySatisfy(reason -> assertThat(reason).startsWith("batches of up to 100 became up to 500"));
    }

    @Test
    void compatibleEvolutionHasNoBreakingFinding() {
        String evolved = BASELINE
                .replace("      qty:    { type: int32, tag: 5, min: 1 }\n",
                        "      qty:    { type: int32, tag: 5, min: 1 }\n      gift:   { type: bool, tag: 6 }\n      memo:   { type: string, tag: 7, optional: true }\n")
                .replace("enum: { PENDING: 1, CONFIRMED: 2 }", "enum: { PENDING: 1, CONFIRMED: 2, SHIPPED: 3 }")
                .replace("    idempotent: true\n    errors: [OrderNotFound]\n",
                        "    idempotent: true\n    errors: [OrderNotFound]\n  listOrders:\n    input: GetOrderRequest\n    output: Receipt\n    http: GET /orders\n")
                .replace("  watchOrders:\n    input: GetOrderRequest\n    output: stream Order\n",
                        "  watchOrders:\n    input: GetOrderRequest\n    output: stream Order\n    http: GET /orders/watch\n")
                .replace("qty:    { type: int32, tag: 5, min: 1 }", "qty:    { type: int32, tag: 5, min: 0 }")
                .replace("errors:\n  OrderNotFound: { code: NOT_FOUND }\n", "errors:\n  OrderNotFound: { code: NOT_FOUND }\n  OrderLocked: { code: ABORTED }\n");

        CompatReport report = CompatibilityChecker.compare(contract(BASELINE), contract(evolved));

        assertThat(report.breaking()).as(report.findings().toString()).isEmpty();
        assertThat(report.compatible()).extracting(CompatFinding::rule)
                .contains("field-added", "enum-value-added", "operation-added", "http-binding-added");
    }

    @Test
    void removingAFieldWithItsTagReservedIsCompatible() {
        String evolved = BASELINE.replace("      note:   { type: string, tag: 3, optional: true }\n", "")
                .replace("      qty:    { type: int32, tag: 5, min: 1 }\n", "      qty:    { type: int32, tag: 5, min: 1 }\n    reserved: [3]\n");
        CompatReport report = CompatibilityChecker.compare(contract(BASELINE), contract(evolved));

        assertThat(report.hasBreaking()).as(report.findings().toString()).isFalse();
        assertThat(report.compatible()).extracting(CompatFinding::rule).contains("field-removed-reserved");
    }

    @Test
    void findingsPointAtTheLineThatChangedOrAtTheBaselineForRemovals() {
        CompatReport report = compare("total:  { type: int64, tag: 2 }", "total:  { type: int64, tag: 7 }");
        CompatFinding tag = report.breaking().get(0);
        assertThat(tag.position().toString()).isEqualTo("service.yaml:9:7");
        assertThat(tag.affects()).containsExactly(Audience.GRPC);

        CompatReport removal = compare("  getOrder:", "  fetchOrder:");
        CompatFinding removed = removal.breaking().stream().filter(f -> f.rule().equals("operation-removed")).findFirst().orElseThrow();
        assertThat(removed.position().line()).isEqualTo(24);
        assertThat(removed.affects()).containsExactlyInAnyOrder(Audience.GRPC, Audience.REST);
        assertThat(removed.toString()).startsWith("service.yaml:24:3: BREAKING operation-removed operation getOrder:");
    }

    @Test
    void typeChangesNameTheirAudience() {
        CompatReport report = compare("total:  { type: int64, tag: 2 }", "total:  { type: string, tag: 2 }");
        assertThat(report.breaking().get(0).affects()).containsExactlyInAnyOrder(Audience.GRPC, Audience.REST, Audience.EVENTS);
    }
}
