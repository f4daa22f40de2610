package dev.switchboard.runtime.violation;

import dev.switchboard.runtime.pipeline.ServerPipeline;
import dev.switchboard.spring.SwitchboardProperties;

/** A runtime class reaching for Spring, grpc, a broker client, a starter and the pipelines; see ArchitectureRulesCanFailTest. */
public class UsesFrameworks {
    org.springframework.core.env.Environment environment;
    io.grpc.Status status;
    io.nats.client.Connection nats;
    SwitchboardProperties properties;
    ServerPipeline pipeline;
}
