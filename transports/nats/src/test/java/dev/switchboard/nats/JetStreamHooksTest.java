package dev.switchboard.nats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The delivery count read from the ack subject in each of the forms the server sends. */
class JetStreamHooksTest {

    @Test
    void readsTheCountFromEachFormOfTheAckSubject() {
        assertThat(JetStreamHooks.deliveredCount("$JS.ACK.orders.points.3.120.118.1733300000000000000"))
                .as("v0, no pending").isEqualTo(3);
        assertThat(JetStreamHooks.deliveredCount("$JS.ACK.orders.points.1.120.118.1733300000000000000.7"))
                .as("v1").isEqualTo(1);
        assertThat(JetStreamHooks.deliveredCount(
                "$JS.ACK.hub.ACCHASH.orders.points.12.120.118.1733300000000000000.7.abc")).as("v2").isEqualTo(12);
        assertThat(JetStreamHooks.deliveredCount(
                "$JS.ACK._.ACCHASH.orders.points.2.120.118.1733300000000000000.0.xyz.more")).as("v2, later tokens")
                .isEqualTo(2);
        assertThat(JetStreamHooks.deliveredCount("$JS.API.ACK.orders.points.1.120.118.1733300000000000000.7"))
                .as("another prefix").isEqualTo(-1);
    }

    @Test
    void anythingElseIsLeftToJnats() {
        assertThat(JetStreamHooks.deliveredCount(null)).isEqualTo(-1);
        assertThat(JetStreamHooks.deliveredCount("_INBOX.abc")).isEqualTo(-1);
        assertThat(JetStreamHooks.deliveredCount("$JS.NAK.orders.points.3.120.118.1733300000000000000")).isEqualTo(-1);
        assertThat(JetStreamHooks.deliveredCount("$JS.ACK.orders.points.x3.120.118.1733300000000000000")).isEqualTo(-1);
        assertThat(JetStreamHooks.deliveredCount("$JS.ACK.orders.points..120.118.1733300000000000000")).isEqualTo(-1);
        assertThat(JetStreamHooks.deliveredCount("$JS.ACK.orders.points.3.120.118.17333.0.1")).as("10 tokens")
                .isEqualTo(-1);
    }
}
