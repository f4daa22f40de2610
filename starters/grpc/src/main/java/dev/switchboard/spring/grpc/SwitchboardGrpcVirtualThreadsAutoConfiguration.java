package dev.switchboard.spring.grpc;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerExecutorProvider;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;

/**
 * With {@code spring.threads.virtual.enabled} (Java 21+), gRPC calls run on virtual threads as
 * Spring MVC's do on Tomcat: Spring gRPC takes its server's executor from a
 * {@link GrpcServerExecutorProvider} and declares none itself, so a unary handler blocked on a
 * downstream would otherwise hold one of grpc-java's pooled platform threads. The executor is
 * Spring's own, built by Boot's {@link SimpleAsyncTaskExecutorBuilder} ({@code spring.task.execution.simple.*}).
 * An application's own provider wins. Streaming handlers follow the same setting (see
 * {@link SwitchboardGrpcAutoConfiguration}).
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
        beforeName = "org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration")
@ConditionalOnClass(GrpcServerExecutorProvider.class)
@ConditionalOnThreading(Threading.VIRTUAL)
public class SwitchboardGrpcVirtualThreadsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(GrpcServerExecutorProvider.class)
    GrpcServerExecutorProvider switchboardGrpcVirtualThreads(ObjectProvider<SimpleAsyncTaskExecutorBuilder> builder) {
        var executor = SwitchboardGrpcAutoConfiguration.virtualThreads(builder, "grpc-");
        return () -> executor;
    }
}
