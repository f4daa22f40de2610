package dev.switchboard.runtime;

import dev.switchboard.runtime.call.Deadline;

/** The runtime's root reaching into a subpackage; see ArchitectureRulesCanFailTest. */
public class RootUsingASubpackage {
    Deadline deadline;
}
