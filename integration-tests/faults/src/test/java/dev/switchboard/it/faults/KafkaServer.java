package dev.switchboard.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/**
 * Kafka's own server ({@code kafka.Kafka}, the jars spring-kafka-test brings) in KRaft mode as a
 * child JVM: one combined broker and controller on free ports, its log directory formatted once
 * by Kafka's {@code StorageTool} and kept across kills.
 */
final class KafkaServer implements BrokerProcess {

    /** Consumers of a killed instance leave their group after this session timeout. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

    private static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final int port = ChildProcess.freePort();
    private final int controllerPort = ChildProcess.freePort();
    private final Path directory;
    private ChildProcess server;
    private boolean formatted;

    KafkaServer(Path directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void start() {
        Path configuration = directory.resolve("server.properties");
        if (!formatted) {
            writeConfiguration(configuration);
            ChildProcess.startJava("kafka-storage", JVM, "kafka.tools.StorageTool",
                    List.of("format", "-t", Uuid.randomUuid().toString(), "-c", configuration.toString()),
                    directory.resolve("kafka-storage.log")).awaitSuccess(Duration.ofSeconds(60));
            formatted = true;
        }
        server = ChildProcess.startJava("kafka", JVM, "kafka.Kafka", List.of(configuration.toString()),
                directory.resolve("kafka.log"));
        server.awaitPort(port, Duration.ofSeconds(90));
    }

    private void writeConfiguration(Path configuration) {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "");
        try {
            Files.createDirectories(directory);
            Files.writeString(configuration, properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void kill() {
        server.kill();
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("switchboard.messaging.broker", "kafka",
                "spring.kafka.bootstrap-servers", "127.0.0.1:" + port,
                "spring.kafka.consumer.properties.session.timeout.ms", String.valueOf(SESSION_TIMEOUT.toMillis()),
                "spring.kafka.consumer.properties.heartbeat.interval.ms", "2000");
    }

    /** The session timeout, then a rebalance that hands the dead consumer's partitions on. */
    @Override
    public Duration redeliveryDelay() {
        return SESSION_TIMEOUT.plusSeconds(6);
    }

    @Override
    public void close() {
        if (server != null && server.alive()) {
            server.kill();
        }
    }
}
