package dev.switchboard.contract.compat;

import dev.switchboard.contract.model.MessageDefinition;
import java.util.List;
import java.util.Set;

/** Events and commands: removal, destination and payload. */
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
        }
        for (MessageDefinition now : current) {
            if (baseline.stream().noneMatch(m -> m.name().equals(now.name()))) {
                findings.compatible(kind + "-added", kind + " " + now.name(), now.position(),
                        "a new " + kind + " breaks no existing consumer");
            }
        }
    }
}
