package dev.switchboard.spring.grpc;

import io.grpc.BindableService;
import io.grpc.protobuf.services.HealthStatusManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The standard {@code grpc.health.v1.Health} service for applications that serve a generated
 * service. Spring gRPC enables its own only when it sees a service bean while parsing
 * configuration, before auto-configured services exist; this one runs after, and steps aside
 * when Spring gRPC's did register or {@code spring.grpc.server.health.enabled=false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.grpc.server.autoconfigure.health.GrpcServerHealthAutoConfiguration")
@ConditionalOnClass(HealthStatusManager.class)
@ConditionalOnProperty(name = "spring.grpc.server.health.enabled", havingValue = "true", matchIfMissing = true)
public class SwitchboardGrpcHealthAutoConfiguration {

    @Bean(destroyMethod = "enterTerminalState")
    @ConditionalOnBean(BindableService.class)
    @ConditionalOnMissingBean
    HealthStatusManager switchboardGrpcHealthStatus() {
        return new HealthStatusManager();
    }

    @Bean
    @ConditionalOnBean(BindableService.class)
    @ConditionalOnMissingBean(name = "grpcHealthService")
    BindableService switchboardGrpcHealthService(HealthStatusManager health) {
        return health.getHealthService();
    }
}
