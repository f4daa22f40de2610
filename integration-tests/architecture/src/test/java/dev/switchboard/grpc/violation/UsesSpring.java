package dev.switchboard.grpc.violation;

/** The gRPC transport reaching for Spring; see ArchitectureRulesCanFailTest. */
public class UsesSpring {
    org.springframework.core.env.Environment environment;
}
