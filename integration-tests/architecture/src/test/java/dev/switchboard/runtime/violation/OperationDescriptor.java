package dev.switchboard.runtime.violation;

/** A policy type generated code uses, moved out of runtime.policy; see ArchitectureRulesCanFailTest. */
public record OperationDescriptor(String service, String name) {}
