package dev.switchboard.contract;

import static dev.switchboard.contract.Contracts.HEADER;
import static dev.switchboard.contract.Contracts.MSG_TYPES;
import static dev.switchboard.contract.Contracts.OPS_TYPES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.switchboard.contract.model.BatchPolicy;
import dev.switchboard.contract.model.MessageDefinition;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events and commands: payloads, destinations, keys and dead-letter destinations.
 */
class MessageRulesTest {

    static Stream<Arguments> contracts() {
        return Stream.of(
                arguments("payload missing", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { topic: orders.created }
                        """,
                        List.of(
                                "t.yaml:12:3: event orderCreated has no payload — add payload: <MessageType>")),
                arguments("topic missing", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order }
                        """,
                        List.of(
                                "t.yaml:12:3: event orderCreated has no topic — add topic: <name>, e.g. topic: orders.created")),
                arguments("queue missing on a command", HEADER + MSG_TYPES + """
                        commands:
                          cancelOrder: { payload: Order, topic: orders.cancel }
                        """,
                        List.of(
                                "t.yaml:12:3: command cancelOrder has no queue — add queue: <name>, e.g. queue: orders.cancel",
                                "t.yaml:12:34: command cancelOrder has unknown key topic — remove it; allowed keys: doc, payload, queue, key, ordered, batch, retry, deadLetter")),
                arguments("batched and ordered", HEADER + MSG_TYPES + """
                        events:
                          orderCreated:
                            payload: Order
                            topic: orders.created
                            key: id
                            ordered: true
                            batch: { max: 100, wait: 50ms }
                        """,
                        List.of("t.yaml:17:12: event orderCreated is both ordered and batched, but an ordered key has one "
                                + "message in flight at a time, never a batch of them — remove batch to keep per-key "
                                + "order, or remove ordered: true to take the messages in batches")),
                arguments("batch out of bounds", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order, topic: orders.created, batch: { max: 5000, wait: 30s } }
                        """,
                        List.of("t.yaml:12:72: max of the batch of event orderCreated is 5000, but must be between 1 "
                                        + "and 1000 — use 1 to 1000 messages, e.g. max: 100",
                                "t.yaml:12:84: wait of the batch of event orderCreated is 30s, but must be more than 0 "
                                        + "and at most 10s — use a short wait, e.g. wait: 50ms")),
                arguments("batch without its wait", HEADER + MSG_TYPES + """
                        commands:
                          recount: { payload: Order, queue: orders.recount, batch: { max: 10, size: 3 } }
                        """,
                        List.of("t.yaml:12:60: batch of command recount has no wait — add wait: <duration>, e.g. wait: 50ms",
                                "t.yaml:12:71: batch of command recount has unknown key size — remove it; allowed keys: "
                                        + "max, wait")),
                arguments("payload unknown", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Ordr, topic: orders.created }
                        """,
                        List.of(
                                "t.yaml:12:28: event orderCreated has payload Ordr, which is not a declared type — did you mean Order?")),
                arguments("payload that is an enum", HEADER + MSG_TYPES + """
                        events:
                          statusChanged: { payload: Status, topic: orders.status }
                        """,
                        List.of(
                                "t.yaml:12:29: event statusChanged has payload Status, which is an enum, not a message type — wrap it in a message type, e.g. a type with a field value: { type: Status, tag: 1 }")),
                arguments("topic with a space", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order, topic: orders created }
                        """,
                        List.of(
                                "t.yaml:12:42: topic 'orders created' of event orderCreated has characters other than letters, digits, '.', '_' and '-' — write a name such as orders.created")),
                arguments("queue with a slash", HEADER + MSG_TYPES + """
                        commands:
                          cancelOrder: { payload: Order, queue: orders/cancel }
                        """,
                        List.of(
                                "t.yaml:12:41: queue 'orders/cancel' of command cancelOrder has characters other than letters, digits, '.', '_' and '-' — write a name such as orders.created")),
                arguments("deadLetter with a colon", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order, topic: orders.created, deadLetter: "dlq:orders" }
                        """,
                        List.of(
                                "t.yaml:12:70: deadLetter 'dlq:orders' of event orderCreated has characters other than letters, digits, '.', '_' and '-' — write a name such as orders.created")),
                arguments("deadLetter equal to the topic", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order, topic: orders.created, deadLetter: orders.created }
                        """,
                        List.of(
                                "t.yaml:12:70: deadLetter orders.created of event orderCreated is its own topic — use another destination, e.g. orders.created.dlq")),
                arguments("dead letters sent to another message's destination, explicitly or by default", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order, topic: orders.created, deadLetter: orders.cancel }
                          orderUpdated: { payload: Order, topic: orders.updated }
                        commands:
                          cancelOrder: { payload: Order, queue: orders.cancel }
                          auditOrder: { payload: Order, queue: orders.updated.dlq }
                        """,
                        List.of(
                                "t.yaml:12:70: deadLetter orders.cancel of event orderCreated is the queue of command cancelOrder, whose consumers would receive its dead letters — use a destination no event or command uses, e.g. orders.created.dlq",
                                "t.yaml:13:42: event orderUpdated sends its dead letters to orders.updated.dlq by default, which is the queue of command auditOrder, whose consumers would receive its dead letters — set deadLetter of event orderUpdated to a destination no event or command uses")),
                arguments("two events on one topic", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order, topic: orders }
                          orderCancelled: { payload: Order, topic: orders }
                        """,
                        List.of(
                                "t.yaml:13:44: topic orders of event orderCancelled is already the destination of event orderCreated — give each event and command its own destination")),
                arguments("command on an event's topic", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order, topic: orders }
                        commands:
                          cancelOrder: { payload: Order, queue: orders }
                        """,
                        List.of(
                                "t.yaml:14:41: queue orders of command cancelOrder is already the destination of event orderCreated — give each event and command its own destination")),
                arguments("key that is not a payload field", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order, topic: orders.created, key: orderId }
                        """,
                        List.of(
                                "t.yaml:12:63: key orderId of event orderCreated is not a field of its payload Order — name a field of Order")),
                arguments("key that is a list field", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order, topic: orders.created, key: items }
                        """,
                        List.of(
                                "t.yaml:12:63: key items of event orderCreated names field Order.items of type list<string>, but a key must be a scalar or an enum — name a scalar or enum field of Order")),
                arguments("ordered event without a key", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order, topic: orders.created, ordered: true }
                        """,
                        List.of(
                                "t.yaml:12:67: event orderCreated is ordered but has no key, and order is kept per key — add key: <payload field> naming the field whose messages must stay in order (e.g. key: orderId), or remove ordered: true")),
                arguments("ordered that is not a boolean", HEADER + MSG_TYPES + """
                        commands:
                          cancelOrder: { payload: Order, queue: orders.cancel, key: id, ordered: always }
                        """,
                        List.of(
                                "t.yaml:12:74: ordered of command cancelOrder must be true or false, not 'always' — write ordered: true or ordered: false")),
                arguments("event retry with too many attempts", HEADER + MSG_TYPES + """
                        events:
                          orderCreated:
                            payload: Order
                            topic: orders.created
                            retry: { attempts: 11 }
                        """,
                        List.of(
                                "t.yaml:15:24: attempts of retry of event orderCreated is 11, but must be between 1 and 10 — use 1 to 10 attempts (1 means no retry)")),
                arguments("event with a policy it cannot have", HEADER + MSG_TYPES + """
                        events:
                          orderCreated: { payload: Order, topic: orders.created, timeout: 1s }
                        """,
                        List.of(
                                "t.yaml:12:58: event orderCreated has unknown key timeout — remove it; allowed keys: doc, payload, topic, key, ordered, batch, retry, deadLetter")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void reportsEveryProblemWithPositionAndFix(String rule, String contract, List<String> expected) {
        assertThat(Contracts.problems(contract)).containsExactlyElementsOf(expected);
    }

    @Test
    void aBatchIsReadAndDefaultsToOneAtATime() {
        var contract = ContractLoader.parse("t.yaml", HEADER + MSG_TYPES + """
                events:
                  orderCreated: { payload: Order, topic: orders.created, batch: { max: 100, wait: 50ms } }
                  orderUpdated: { payload: Order, topic: orders.updated }
                """);

        assertThat(contract.events()).extracting(MessageDefinition::name, MessageDefinition::batch).containsExactly(
                tuple("orderCreated", new BatchPolicy(100, Duration.ofMillis(50))), tuple("orderUpdated", null));
    }

    @Test
    void orderedIsReadAndDefaultsToUnordered() {
        var contract = ContractLoader.parse("t.yaml", HEADER + MSG_TYPES + """
                events:
                  orderCreated: { payload: Order, topic: orders.created, key: id, ordered: true }
                  orderUpdated: { payload: Order, topic: orders.updated, key: id }
                """);

        assertThat(contract.events()).extracting(MessageDefinition::name, MessageDefinition::ordered)
                .containsExactly(tuple("orderCreated", true), tuple("orderUpdated", false));
    }
}
