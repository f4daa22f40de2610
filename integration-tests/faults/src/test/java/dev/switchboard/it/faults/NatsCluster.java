package dev.switchboard.it.faults;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ClusterInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Three {@code nats-server -js} of the test's own as one JetStream cluster, the way JetStream is
 * run when it must not lose what it acknowledged: the streams Switchboard creates keep 3 replicas
 * ({@code switchboard.messaging.nats.stream-replicas=3}), so a publish is acknowledged once a quorum
 * holds it. A lone server acknowledges before its file store reaches the disk: killed with SIGKILL,
 * nats-server 2.9 lost 13 of 281 acknowledged messages in this suite. The broker's crash here is
 * the SIGKILL of the server leading the orders stream, restarted on its own store.
 */
final class NatsCluster implements BrokerProcess {

    /** The transport's JetStream consumers wait 30 s for an acknowledgement before redelivering. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(30);
    private static final int SERVERS = 3;

    private final Path directory;
    private final List<Node> nodes = new ArrayList<>();
    private int starts;

    NatsCluster(Path directory) {
        this.directory = directory;
        for (int i = 1; i <= SERVERS; i++) {
            nodes.add(new Node("n" + i, ChildProcess.freePort(), ChildProcess.freePort()));
        }
    }

    private static final class Node {
        final String name;
        final int port;
        final int routePort;
        ChildProcess process;

        Node(String name, int port, int routePort) {
            this.name = name;
            this.port = port;
            this.routePort = routePort;
        }

        boolean alive() {
            return process != null && process.alive();
        }
    }

    @Override
    public String name() {
        return "nats";
    }

    /** Starts every server not running (all at first, the killed one after a crash). */
    @Override
    public void start() {
        starts++;
        List<Node> starting = nodes.stream().filter(node -> !node.alive()).toList();
        for (Node node : starting) {
            node.process = ChildProcess.start("nats-server " + node.name,
                    List.of("nats-server", "-c", config(node).toString()), Map.of(),
                    directory.resolve(node.name + "-" + starts + ".log"));
        }
        for (Node node : starting) {
            node.process.awaitLogLine("Server is ready", Duration.ofSeconds(30));
        }
        awaitJetStream();
    }

    /**
     * SIGKILL of the server leading the orders streams (the first server before there are any), after
     * every orders stream and consumer was made to be led from there: the crash then breaks the
     * publishes' acknowledgements and the consumers' pulls ({@code 409 Leadership Change}) in every run,
     * not only when the replicas' elections happened to put them on one server.
     */
    @Override
    public void kill() {
        String leader = streamLeader();
        if (leader != null) {
            leadEverythingFrom(leader);
        }
        Node victim = nodes.stream().filter(node -> node.name.equals(leader)).findFirst().orElse(nodes.get(0));
        System.out.printf("FAULTS killing nats-server %s (the orders streams' leader: %s)%n", victim.name, leader);
        victim.process.kill();
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("switchboard.messaging.broker", "nats",
                "switchboard.messaging.nats.servers", nodes.stream().map(node -> "nats://127.0.0.1:" + node.port)
                        .collect(Collectors.joining(",")),
                "switchboard.messaging.nats.stream-replicas", String.valueOf(SERVERS));
    }

    @Override
    public Duration redeliveryDelay() {
        return ACK_WAIT.plusSeconds(2);
    }

    @Override
    public void close() {
        nodes.stream().filter(Node::alive).forEach(node -> node.process.kill());
    }

    private Path config(Node node) {
        String routes = nodes.stream().map(other -> "nats-route://127.0.0.1:" + other.routePort)
                .collect(Collectors.joining(", "));
        Path config = directory.resolve(node.name + ".conf");
        try {
            Files.createDirectories(directory);
            Files.writeString(config, """
                    server_name: %s
                    listen: "127.0.0.1:%d"
                    jetstream { store_dir: "%s" }
                    cluster {
                      name: switchboard-faults
                      listen: "127.0.0.1:%d"
                      routes: [%s]
                    }
                    """.formatted(node.name, node.port, directory.resolve("store-" + node.name), node.routePort,
                    routes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    /** Until the cluster answers JetStream requests: a metadata leader was elected. */
    private void awaitJetStream() {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try (Connection connection = connect()) {
                connection.jetStreamManagement().getAccountStatistics();
                return;
            } catch (Exception notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the NATS cluster did not answer JetStream requests within 60 s",
                            notYet);
                }
                Pause.millis(250);
            }
        }
    }

    /** The leader of the first orders stream, or null before there is one. */
    private String streamLeader() {
        try (Connection connection = connect()) {
            JetStreamManagement management = connection.jetStreamManagement();
            List<String> streams = ordersStreams(management);
            return streams.isEmpty() ? null : streamLeader(management, streams.get(0));
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask the NATS cluster for the orders stream's leader", e);
        }
    }

    /** The shop's streams (its events', not their dead letters'). */
    private static List<String> ordersStreams(JetStreamManagement management)
            throws IOException, JetStreamApiException {
        return management.getStreamNames().stream()
                .filter(stream -> stream.contains("orders") && !stream.contains("dlq")).sorted().toList();
    }

    /** Steps each orders stream's leader, then each of its consumers' leader, down until the election lands on {@code server}. */
    private void leadEverythingFrom(String server) {
        try (Connection connection = connect()) {
            JetStreamManagement management = connection.jetStreamManagement();
            for (String stream : ordersStreams(management)) {
                moveLeader(connection, server, "stream " + stream, () -> streamLeader(management, stream),
                        "$JS.API.STREAM.LEADER.STEPDOWN." + stream);
                for (String consumer : management.getConsumerNames(stream)) {
                    moveLeader(connection, server, "consumer " + consumer,
                            () -> consumerLeader(management, stream, consumer),
                            "$JS.API.CONSUMER.LEADER.STEPDOWN." + stream + "." + consumer);
                }
            }
            System.out.printf("FAULTS the orders streams and their consumers are led by %s%n", server);
        } catch (IOException | InterruptedException | JetStreamApiException e) {
            throw new IllegalStateException("cannot move the orders streams' leaders to " + server, e);
        }
    }

    /** A look-up of the current leader (null during an election). */
    @FunctionalInterface
    private interface LeaderLookup {
        String leader() throws IOException, JetStreamApiException;
    }

    private static void moveLeader(Connection connection, String server, String what, LeaderLookup lookup,
            String stepDown) throws IOException, JetStreamApiException, InterruptedException {
        Instant bound = Instant.now().plusSeconds(60);
        String leader = lookup.leader();
        while (!server.equals(leader)) {
            if (Instant.now().isAfter(bound)) {
                throw new IllegalStateException("the " + what + " is still led by " + leader + ", not " + server);
            }
            connection.request(stepDown, null, Duration.ofSeconds(5));
            do {
                Pause.millis(200);
                leader = lookup.leader();
            } while (leader == null && Instant.now().isBefore(bound));
        }
    }

    private static String streamLeader(JetStreamManagement management, String stream)
            throws IOException, JetStreamApiException {
        ClusterInfo cluster = management.getStreamInfo(stream).getClusterInfo();
        return cluster == null ? null : cluster.getLeader();
    }

    private static String consumerLeader(JetStreamManagement management, String stream, String consumer)
            throws IOException, JetStreamApiException {
        ClusterInfo cluster = management.getConsumerInfo(stream, consumer).getClusterInfo();
        return cluster == null ? null : cluster.getLeader();
    }

    private Connection connect() throws IOException, InterruptedException {
        Options.Builder options = new Options.Builder().connectionTimeout(Duration.ofSeconds(2)).noReconnect();
        nodes.stream().filter(Node::alive).forEach(node -> options.server("nats://127.0.0.1:" + node.port));
        return Nats.connect(options.build());
    }
}
