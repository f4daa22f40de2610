package dev.switchboard.runtime.violation.left;

import dev.switchboard.runtime.violation.right.Right;

/** Breaks the no-cycles rule with {@link Right}; see ArchitectureRulesCanFailTest. */
public class Left {
    Right right;
}
