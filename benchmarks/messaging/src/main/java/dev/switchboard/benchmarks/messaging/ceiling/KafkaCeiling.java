package dev.switchboard.benchmarks.messaging.ceiling;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Kafka's own load tools on the broker the pair ran on: {@code ProducerPerformance} with the pair's producer settings
 * ({@code acks=all}, idempotent, 100-byte records), then {@code ConsumerPerformance} reading them back. What the
 * broker and its clients do on this machine with no application code at all.
 */
public final class KafkaCeiling {

    private KafkaCeiling() {}

    /** The tools' own summary lines. */
    public static List<String> measure(String bootstrapServers, int records) {
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka's tool exited with " + status + ": " + message);
        });
        try {
            String produced = captured(() -> ProducerPerformance.main(new String[] {
                    "--topic", "bench.ceiling", "--num-records", String.valueOf(records), "--record-size", "100",
                    "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all",
                    "enable.idempotence=true"}));
            String consumed = captured(() -> ConsumerPerformance.main(new String[] {
                    "--bootstrap-server", bootstrapServers, "--topic", "bench.ceiling", "--messages",
                    String.valueOf(records), "--timeout", "60000"}));
            return List.of("ProducerPerformance: " + last(produced, 1), "ConsumerPerformance: " + last(consumed, 2));
        } finally {
            Exit.resetExitProcedure();
        }
    }

    private interface Tool {
        void run() throws Exception;
    }

    private static String captured(Tool tool) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            tool.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String last(String output, int count) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "(no output)" : String.join(" / ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
