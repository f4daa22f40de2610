package dev.switchboard.runtime.violation.right;

import dev.switchboard.runtime.violation.left.Left;

/** Breaks the no-cycles rule with {@link Left}; see ArchitectureRulesCanFailTest. */
public class Right {
    Left left;
}
