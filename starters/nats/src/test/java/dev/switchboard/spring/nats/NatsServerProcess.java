package dev.switchboard.spring.nats;

import dev.switchboard.it.support.TestCertificate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code nats-server} of the test's own, on a free port of 127.0.0.1, with TLS (the test's
 * certificate), user/password authorization and JetStream in a directory of its own. Starting it
 * fails, never skips, when the server cannot be run.
 */
final class NatsServerProcess implements AutoCloseable {

    static final String BINARY = "/usr/sbin/nats-server";
    static final String USER = "switchboard";
    static final String PASSWORD = "s3cret-Pa55";

    private final Path directory;
    private final int port;
    private final Path config;
    private final Path log;
    private Process process;

    private NatsServerProcess(Path directory, int port, Path config) {
        this.directory = directory;
        this.port = port;
        this.config = config;
        this.log = directory.resolve("nats-server.log");
    }

    /** Configures and starts a server whose TLS certificate is {@code certificate}. */
    static NatsServerProcess start(Path directory, TestCertificate certificate) throws Exception {
        Files.createDirectories(directory);
        int port = freePort();
        Path store = Files.createDirectories(directory.resolve("jetstream"));
        Path config = directory.resolve("nats-server.conf");
        Files.writeString(config, """
                listen: "127.0.0.1:%d"
                server_name: "switchboard-test"
                tls {
                  cert_file: "%s"
                  key_file: "%s"
                  timeout: 5
                }
                authorization {
                  user: "%s"
                  password: "%s"
                }
                jetstream {
                  store_dir: "%s"
                }
                """.formatted(port, certificate.certificate(), certificate.privateKey(), USER, PASSWORD, store));
        NatsServerProcess server = new NatsServerProcess(directory, port, config);
        server.start();
        return server;
    }

    /** Starts the server (again, after {@link #stop()}, on the same port and store). */
    void start() throws Exception {
        process = new ProcessBuilder(BINARY, "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(BINARY + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException(BINARY + " did not listen on " + port + " within 20 s:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    /** Stops the server and waits until it is gone. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    Path directory() {
        return directory;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
