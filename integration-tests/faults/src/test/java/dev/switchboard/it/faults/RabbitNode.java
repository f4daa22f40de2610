package dev.switchboard.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A RabbitMQ node of the test's own, next to the machine's: its own node name, AMQP and
 * distribution ports, Mnesia and log directories (the installed {@code rabbitmq-server} script,
 * which registers with the machine's epmd). It starts in about 7 s on a busy two-core machine.
 */
final class RabbitNode implements BrokerProcess {

    private static final String SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    private final int port = ChildProcess.freePort();
    private final int distributionPort = ChildProcess.freePort();
    private final String node = "sbfaults-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost";
    private final Path directory;
    private ChildProcess server;

    RabbitNode(Path directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public void start() {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("rabbit.conf"),
                    "listeners.tcp.default = " + port + "\nloopback_users = none\n");
            Files.writeString(directory.resolve("enabled_plugins"), "[].\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = ChildProcess.start("rabbitmq-server " + node, List.of(SERVER), Map.of(
                "HOME", directory.toString(),
                "RABBITMQ_NODENAME", node,
                "RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1",
                "RABBITMQ_NODE_PORT", String.valueOf(port),
                "RABBITMQ_DIST_PORT", String.valueOf(distributionPort),
                "RABBITMQ_MNESIA_BASE", directory.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", directory.resolve("log").toString(),
                "RABBITMQ_CONFIG_FILE", directory.resolve("rabbit").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", directory.resolve("enabled_plugins").toString()),
                directory.resolve("rabbitmq-server.log"));
        server.awaitPort(port, Duration.ofSeconds(90));
    }

    @Override
    public void kill() {
        server.kill();
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("switchboard.messaging.broker", "rabbitmq",
                "spring.rabbitmq.host", "127.0.0.1",
                "spring.rabbitmq.port", String.valueOf(port),
                "spring.rabbitmq.username", "guest",
                "spring.rabbitmq.password", "guest");
    }

    /** A dead consumer's unacknowledged messages are requeued as soon as its connection closes. */
    @Override
    public Duration redeliveryDelay() {
        return Duration.ofSeconds(3);
    }

    @Override
    public void close() {
        if (server != null && server.alive()) {
            server.kill();
        }
    }
}
