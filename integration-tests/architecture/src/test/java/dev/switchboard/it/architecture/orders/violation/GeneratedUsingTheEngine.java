package dev.switchboard.it.architecture.orders.violation;

import dev.switchboard.runtime.resilience.PolicyEngine;

/** Generated code reaching past the public surface; see ArchitectureRulesCanFailTest. */
public class GeneratedUsingTheEngine {
    PolicyEngine engine;
}
