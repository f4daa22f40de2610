package dev.switchboard.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A process of the test's own (a service instance, a broker), its output in a log file under
 * {@code target/}; {@link #kill()} is SIGKILL of it and every descendant, as a crash would be.
 */
final class ChildProcess {

    /** The Java launcher of the running JVM, for child JVMs on the test's own class path. */
    static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    /** Whatever still runs when the test JVM exits (a failed setup, an interrupted build) dies with it. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }), "child-processes-killer"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final Instant launched = Instant.now();

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command}, stdout and stderr appended to {@code log}. */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            RUNNING.add(process);
            process.onExit().thenRun(() -> RUNNING.remove(process));
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** A JVM on the test's class path (surefire's manifest-only jar works as one) running {@code mainClass}. */
    static ChildProcess startJava(String name, List<String> jvmOptions, String mainClass, List<String> arguments,
            Path log) {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        return start(name, command, Map.of(), log);
    }

    /** SIGKILL, descendants first (a shell script's server, a JVM's helpers), and waits for the exit. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL for 30 s");
            }
            for (ProcessHandle descendant : process.descendants().toList()) {
                descendant.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot kill " + name, e);
        }
    }

    /** The process id, for tools such as {@code jcmd}. */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for a process that runs to its end (a tool); fails unless it exits with 0. */
    void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException(name + " did not finish within " + timeout + "; its log " + log
                        + " ends with:\n" + tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed (" + process.exitValue() + "); its log " + log
                    + " ends with:\n" + tail());
        }
    }

    /** Waits until the log has a line containing {@code text}; fails at once if the process exited. */
    void awaitLogLine(String text, Duration timeout) {
        awaitReady("the line '" + text + "'", timeout, () -> logText().contains(text));
    }

    /** Waits until something accepts connections on 127.0.0.1:{@code port}. */
    void awaitPort(int port, Duration timeout) {
        awaitReady("port " + port, timeout, () -> accepts(port));
    }

    private void awaitReady(String what, Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited (" + process.exitValue() + ") before " + what
                        + "; its log " + log + " ends with:\n" + tail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not show " + what + " within " + timeout
                        + "; its log " + log + " ends with:\n" + tail());
            }
            Pause.millis(100);
        }
        System.out.printf("FAULTS %s ready %.1f s after its start%n", name,
                Duration.between(launched, Instant.now()).toMillis() / 1000.0);
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private String tail() {
        String text = logText();
        return text.substring(Math.max(0, text.length() - 4000));
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** A port nothing listens on now (the kernel's choice), for a process that binds it later. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
