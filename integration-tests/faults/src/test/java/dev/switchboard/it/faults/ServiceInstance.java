package dev.switchboard.it.faults;

import dev.switchboard.it.faults.app.ShopApplication;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One instance of the shop ({@link ShopApplication}) as its own JVM on the test's class path, so a
 * kill is SIGKILL of a real process. It keeps its HTTP port across restarts; each start logs to
 * its own file, {@code <directory>/<name>-<start>.log}.
 */
final class ServiceInstance implements AutoCloseable {

    private static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final String name;
    private final int port = ChildProcess.freePort();
    private final Map<String, String> properties;
    private final Path directory;
    private int starts;
    private ChildProcess process;

    /** @param properties Spring properties of the instance, given as {@code --key=value} arguments */
    ServiceInstance(String name, Map<String, String> properties, Path directory) {
        this.name = name;
        this.properties = new TreeMap<>(properties);
        this.properties.put("server.port", String.valueOf(port));
        this.properties.put("shop.instance", name);
        this.directory = directory;
    }

    /** Launches the JVM without waiting for it: instances started together really start at once. */
    void start() {
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        starts++;
        process = ChildProcess.startJava("instance " + name, JVM, ShopApplication.class.getName(), arguments,
                directory.resolve(name + "-" + starts + ".log"));
    }

    /** Waits until the application is ready (its web server and subscriptions started). */
    void awaitReady() {
        process.awaitLogLine(ShopApplication.READY, STARTUP);
    }

    /**
     * The stacks of its threads whose names hold one of {@code names} ({@code jcmd Thread.print}), for a
     * failed run's report; empty when it is not running.
     */
    List<String> threads(String... names) {
        if (process == null || !process.alive()) {
            return List.of();
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            List<String> wanted = new ArrayList<>();
            for (String thread : dump.split("\n\n")) {
                String header = thread.lines().findFirst().orElse("");
                for (String name : names) {
                    if (header.contains(name)) {
                        wanted.add(thread.lines().limit(25).collect(Collectors.joining("\n")));
                        break;
                    }
                }
            }
            return wanted;
        } catch (IOException e) {
            return List.of("cannot run jcmd: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop of the subscriptions. */
    void kill() {
        process.kill();
    }

    /** Starts and waits until ready. */
    void restart() {
        start();
        awaitReady();
    }

    String name() {
        return name;
    }

    URI orders() {
        return URI.create("http://127.0.0.1:" + port + "/orders");
    }

    @Override
    public void close() {
        if (process != null && process.alive()) {
            process.kill();
        }
    }
}
