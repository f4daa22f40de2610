package dev.switchboard.benchmarks.protobuf;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.switchboard.benchmarks.protobuf.bench.Large;
import dev.switchboard.benchmarks.protobuf.bench.LargeProtoCodec;
import dev.switchboard.benchmarks.protobuf.bench.Line;
import dev.switchboard.benchmarks.protobuf.bench.Small;
import dev.switchboard.benchmarks.protobuf.bench.SmallProtoCodec;
import dev.switchboard.benchmarks.protobuf.bench.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generated codecs against protoc's Java classes for the same exported .proto, same data:
 * encode a record (our side) or a message (protoc's side) to bytes, and decode the same bytes.
 * Both sides start from what they hold in memory, so each pays for its own object model.
 *
 * <p>{@code encode…} re-encodes one message, which favours protoc: its messages memoize their
 * size after the first encode. {@code build…} builds a new message from the same values and
 * encodes it, as a server does with each response: protoc then sizes it once.
 *
 * <pre>./mvnw -B -pl benchmarks/protobuf exec:exec</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    private Small small;
    private Large large;
    private byte[] smallBytes;
    private byte[] largeBytes;
    private dev.switchboard.benchmarks.protobuf.bench.protobuf.Small protocSmall;
    private dev.switchboard.benchmarks.protobuf.bench.protobuf.Large protocLarge;

    @Setup
    public void setUp() throws InvalidProtocolBufferException {
        small = new Small("sku-12345", 3, 1_999, true);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(new Line("sku-" + i, i + 1, 9.99 * i, List.of("red", "large", "sale-" + i)));
        }
        List<Long> scores = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            scores.add(1_000_000L * i - 7);
            if (i < 10) {
                attributes.put("key-" + i, "value number " + i);
            }
        }
        large = new Large("order-0001", "customer Zoë ☃", lines, scores, attributes,
                Instant.parse("2026-11-24T10:15:30.123456789Z"), "leave at the door", Status.OPEN);
        smallBytes = SmallProtoCodec.INSTANCE.toByteArray(small);
        largeBytes = LargeProtoCodec.INSTANCE.toByteArray(large);
        protocSmall = protocSmall(small);
        protocLarge = protocLarge(large);
        if (!java.util.Arrays.equals(protocLarge.toByteArray(), largeBytes)
                || !java.util.Arrays.equals(protocSmall.toByteArray(), smallBytes)) {
            throw new IllegalStateException("the two sides must hold the same data");
        }
    }

    /** protoc's message built from Java values, as an application builds it (strings as String, not bytes). */
    private static dev.switchboard.benchmarks.protobuf.bench.protobuf.Small protocSmall(Small small) {
        return dev.switchboard.benchmarks.protobuf.bench.protobuf.Small.newBuilder()
                .setId(small.id()).setQuantity(small.quantity()).setPrice(small.price()).setActive(small.active())
                .build();
    }

    private static dev.switchboard.benchmarks.protobuf.bench.protobuf.Large protocLarge(Large large) {
        var builder = dev.switchboard.benchmarks.protobuf.bench.protobuf.Large.newBuilder()
                .setId(large.id())
                .setCustomer(large.customer())
                .addAllScores(large.scores())
                .putAllAttributes(large.attributes())
                .setCreatedAt(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(large.createdAt().getEpochSecond()).setNanos(large.createdAt().getNano()))
                .setNote(large.note())
                .setStatusValue(large.status().number());
        for (Line line : large.lines()) {
            builder.addLines(dev.switchboard.benchmarks.protobuf.bench.protobuf.Line.newBuilder()
                    .setSku(line.sku()).setQuantity(line.quantity()).setPrice(line.price()).addAllTags(line.tags()));
        }
        return builder.build();
    }

    @Benchmark
    public byte[] encodeSmallGenerated() {
        return SmallProtoCodec.INSTANCE.toByteArray(small);
    }

    @Benchmark
    public byte[] encodeSmallProtoc() {
        return protocSmall.toByteArray();
    }

    @Benchmark
    public byte[] buildSmallGenerated() {
        return SmallProtoCodec.INSTANCE.toByteArray(new Small(small.id(), small.quantity(), small.price(), small.active()));
    }

    @Benchmark
    public byte[] buildSmallProtoc() {
        return protocSmall(small).toByteArray();
    }

    @Benchmark
    public byte[] buildLargeGenerated() {
        List<Line> lines = new ArrayList<>(large.lines().size());
        for (Line line : large.lines()) {
            lines.add(new Line(line.sku(), line.quantity(), line.price(), line.tags()));
        }
        return LargeProtoCodec.INSTANCE.toByteArray(new Large(large.id(), large.customer(), lines, large.scores(),
                large.attributes(), large.createdAt(), large.note(), large.status()));
    }

    @Benchmark
    public byte[] buildLargeProtoc() {
        return protocLarge(large).toByteArray();
    }

    @Benchmark
    public Small decodeSmallGenerated() throws InvalidProtocolBufferException {
        return SmallProtoCodec.INSTANCE.parseFrom(smallBytes);
    }

    @Benchmark
    public Object decodeSmallProtoc() throws InvalidProtocolBufferException {
        return dev.switchboard.benchmarks.protobuf.bench.protobuf.Small.parseFrom(smallBytes);
    }

    @Benchmark
    public byte[] encodeLargeGenerated() {
        return LargeProtoCodec.INSTANCE.toByteArray(large);
    }

    /** protoc's messages memoize their size after the first encode; records cannot, so this favours protoc. */
    @Benchmark
    public byte[] encodeLargeProtoc() {
        return protocLarge.toByteArray();
    }

    @Benchmark
    public Large decodeLargeGenerated() throws InvalidProtocolBufferException {
        return LargeProtoCodec.INSTANCE.parseFrom(largeBytes);
    }

    @Benchmark
    public Object decodeLargeProtoc() throws InvalidProtocolBufferException {
        return dev.switchboard.benchmarks.protobuf.bench.protobuf.Large.parseFrom(largeBytes);
    }
}
