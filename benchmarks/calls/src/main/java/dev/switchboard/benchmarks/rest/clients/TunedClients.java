package dev.switchboard.benchmarks.rest.clients;

import java.util.concurrent.Executors;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A caller of the benchmark's service; with {@code bench.jdk-executor=true} the JDK client gets a
 * pooled executor instead of Spring's thread-per-task default for writing request bodies. The pools
 * of Apache HttpClient and Jetty are the starter's ({@code client.max-connections}).
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TunedClients {

    @Bean
    @ConditionalOnProperty("bench.jdk-executor")
    ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> jdkExecutor() {
        return builder -> builder.withExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "jdk-http-client");
            thread.setDaemon(true);
            return thread;
        }));
    }
}
