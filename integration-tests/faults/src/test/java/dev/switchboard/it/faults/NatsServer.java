package dev.switchboard.it.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code nats-server -js} on a free port, its JetStream store in the test's directory. */
final class NatsServer implements BrokerProcess {

    /** The transport's JetStream consumers wait 30 s for an acknowledgement before redelivering. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(30);

    private final int port = ChildProcess.freePort();
    private final Path directory;
    private ChildProcess server;

    NatsServer(Path directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "nats";
    }

    @Override
    public void start() {
        server = ChildProcess.start("nats-server", List.of("nats-server", "-js", "-a", "127.0.0.1",
                "-p", String.valueOf(port), "-sd", directory.resolve("store").toString()), Map.of(),
                directory.resolve("nats-server.log"));
        server.awaitLogLine("Server is ready", Duration.ofSeconds(30));
    }

    @Override
    public void kill() {
        server.kill();
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("switchboard.messaging.broker", "nats",
                "switchboard.messaging.nats.url", "nats://127.0.0.1:" + port);
    }

    @Override
    public Duration redeliveryDelay() {
        return ACK_WAIT.plusSeconds(2);
    }

    @Override
    public void close() {
        if (server != null && server.alive()) {
            server.kill();
        }
    }
}
