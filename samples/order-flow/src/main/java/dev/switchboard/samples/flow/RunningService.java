package dev.switchboard.samples.flow;

import java.io.IOException;
import java.net.URLClassLoader;
import org.springframework.context.ConfigurableApplicationContext;

/** One started service: its Spring context, its ports, and the class loader holding its jar. */
public record RunningService(String name, ConfigurableApplicationContext context, int httpPort, int grpcPort,
        URLClassLoader classLoader) implements AutoCloseable {

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String grpcAddress() {
        return "127.0.0.1:" + grpcPort;
    }

    @Override
    public void close() throws IOException {
        context.close();
        classLoader.close();
    }
}
