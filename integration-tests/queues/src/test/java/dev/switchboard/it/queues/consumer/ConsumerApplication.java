package dev.switchboard.it.queues.consumer;

import io.micrometer.tracing.Tracer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** A consuming service (its name is {@code spring.application.name}): one bean handles the events and commands. */
@SpringBootApplication
public class ConsumerApplication {

    @Bean
    RecordingHandlers recordingHandlers(Tracer tracer, Environment environment) {
        return new RecordingHandlers(tracer, environment.getProperty("spring.application.name"),
                environment.getProperty("instance", "1"));
    }
}
