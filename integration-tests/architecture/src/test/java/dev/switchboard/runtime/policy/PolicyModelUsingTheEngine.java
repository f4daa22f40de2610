package dev.switchboard.runtime.policy;

import dev.switchboard.runtime.call.Deadline;

/** The policy model reaching up into the call layer, as it once did; see ArchitectureRulesCanFailTest. */
public class PolicyModelUsingTheEngine {
    Deadline deadline;
}
