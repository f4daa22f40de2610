package dev.switchboard.contract.compat;

import dev.switchboard.contract.model.MessageDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Events and commands: removal, destination, payload and order per key. */
final class MessageRules {

    private final Findings findings;

    MessageRules(Findings findings) {
        this.findings = findings;
    }

    void check(String kind, List<MessageDefinition> baseline, List<MessageDefinition> current) {
        for (MessageDefinition old : baseline) {
            String subject = kind + " " + old.name();
            MessageDefinition now = current.stream().filter(m -> m.name().equals(old.name())).findFirst().orElse(null);
            if (now == null) {
                findings.breaking(kind + "-removed", subject, old.position(),
                        "removed: consumers built on the baseline wait for messages that never come", Set.of(Audience.EVENTS));
                continue;
            }
            if (!now.destination().equals(old.destination())) {
                findings.breaking("destination-renamed", subject, now.position(),
                        old.destination() + " became " + now.destination()
                                + ": producers and consumers on different versions no longer meet", Set.of(Audience.EVENTS));
            }
            if (!now.payload().equals(old.payload())) {
                findings.breaking("payload-changed", subject, now.position(),
                        "payload " + old.payload() + " became " + now.payload()
                                + ": consumers built on the baseline cannot read it", Set.of(Audience.EVENTS));
            }
            checkOrder(subject, old, now);
            checkBatch(subject, old, now);
        }
        for (MessageDefinition now : current) {
            if (baseline.stream().noneMatch(m -> m.name().equals(now.name()))) {
                findings.compatible(kind + "-added", kind + " " + now.name(), now.position(),
                        "a new " + kind + " breaks no existing consumer");
            }
        }
    }

    /**
     * Batching is how the consuming service takes the messages, nothing on the wire: other services on
     * either version are not affected. The consumer's own handler changes shape (one payload or a list)
     * with its regenerated code, which its compiler points out.
     */
    private void checkBatch(String subject, MessageDefinition old, MessageDefinition now) {
        if (Objects.equals(old.batch(), now.batch())) {
            return;
        }
        String change = old.batch() == null ? "now taken in batches of up to " + now.batch().max()
                : now.batch() == null ? "now taken one at a time"
                : "batches of up to " + old.batch().max() + " became up to " + now.batch().max();
        findings.compatible("batch-changed", subject, now.position(), change + ": nothing changes on the wire; "
                + "the consuming service's handler takes " + (now.batch() == null ? "one payload" : "a list")
                + " once regenerated");
    }

    /**
     * Consumers written for ordered delivery (a state machine per order, a running balance) silently
     * corrupt their state when messages of a key come out of order or side by side, so dropping the
     * promise, or moving it to another key, is breaking; making a message ordered only adds one.
     */
    private void checkOrder(String subject, MessageDefinition old, MessageDefinition now) {
        if (old.ordered() && !now.ordered()) {
            findings.breaking("order-dropped", subject, now.position(), "no longer ordered: consumers that rely "
                    + "on handling each " + old.key() + " in publish order may see its messages out of order",
                    Set.of(Audience.EVENTS));
        } else if (old.ordered() && !Objects.equals(old.key(), now.key())) {
            findings.breaking("order-key-changed", subject, now.position(), "ordered by " + old.key() + " became "
                    + "ordered by " + now.key() + ": messages of one " + old.key() + " may come out of order",
                    Set.of(Audience.EVENTS));
        } else if (!old.ordered() && now.ordered()) {
            findings.compatible("order-added", subject, now.position(), "now ordered per " + now.key()
                    + ": consumers get what they got before, in publish order per key");
        }
    }
}
