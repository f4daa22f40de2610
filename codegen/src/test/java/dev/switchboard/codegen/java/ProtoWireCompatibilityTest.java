package dev.switchboard.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.Protoc;
import dev.switchboard.codegen.RichContract;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.runtime.protobuf.UnknownFields;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-based wire compatibility: random instances of every record of the rich contract
 * (empty, default, maximal and unicode values included) encoded by the generated codecs are
 * parsed by the protobuf-java classes protoc generates from the exported {@code .proto}, which
 * write back exactly the same bytes; and the generated codecs read those bytes back to an equal record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtoWireCompatibilityTest {

    private static final int SAMPLES = 300;
    private static final String PACKAGE = "com.example.orders";

    @TempDir
    static Path work;

    private URLClassLoader loader;

    @BeforeAll
    void compileBothSides() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        for (GeneratedFile file : RichContract.javaSources()) {
            sources.put(file.relativePath(), file.content());
        }
        GeneratedFile proto = RichContract.files().stream()
                .filter(file -> file.relativePath().endsWith(".proto")).findFirst().orElseThrow();
        Path javaOut = protocJava(proto);
        try (Stream<Path> files = Files.walk(javaOut)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(javaOut.relativize(file).toString(), Files.readString(file));
            }
        }
        InProcessCompiler.Result result = InProcessCompiler.compile(sources, work.resolve("classes"), List.of());
        assertThat(result.success()).as(result.report()).isTrue();
        loader = new URLClassLoader(new URL[] {result.classes().toUri().toURL()}, getClass().getClassLoader());
    }

    Stream<String> messageTypes() {
        return RichContract.contract().messageTypes().stream().map(MessageType::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void generatedCodecAndProtocAgreeByteForByte(String type) throws Exception {
        Class<?> record = loader.loadClass(PACKAGE + "." + type);
        Object codec = loader.loadClass(PACKAGE + "." + type + "ProtoCodec").getField("INSTANCE").get(null);
        Method toBytes = codec.getClass().getMethod("toByteArray", Object.class);
        Method parse = codec.getClass().getMethod("parseFrom", byte[].class);
        Class<?> protocClass = loader.loadClass(PACKAGE + ".protobuf." + type);
        Method protocParse = protocClass.getMethod("parseFrom", byte[].class);
        Method protocBytes = protocClass.getMethod("toByteArray");

        Random random = new Random(type.hashCode());
        for (int sample = 0; sample < SAMPLES; sample++) {
            Object value = new Instances(random, sample).of(record, 0);
            byte[] ours = (byte[]) toBytes.invoke(codec, value);

            Object protoc = protocParse.invoke(null, (Object) ours);
            byte[] theirs = (byte[]) protocBytes.invoke(protoc);

            assertThat(HexFormat.of().formatHex(theirs)).as("protoc re-encoding of %s", value)
                    .isEqualTo(HexFormat.of().formatHex(ours));
            assertThat(parse.invoke(codec, (Object) theirs)).as("decoded from protoc's bytes").isEqualTo(value);
        }
    }

    @Test
    void fieldsThisVersionDoesNotKnowAreKeptAndWrittenBack() throws Exception {
        // sku "a" (field 1), quantity 3 (field 2), then field 100 twice: a varint and bytes of a newer kind.
        byte[] newer = HexFormat.of().parseHex("0a0161" + "1003" + "a0062a" + "a206020102");
        Object item = parse("OrderItem", newer);

        assertThat(item.toString()).contains("sku=a", "quantity=3");
        assertThat(encode("OrderItem", item)).as("written back as it arrived").isEqualTo(hex(newer));
        assertThat(encode("OrderItem", parse("OrderItem", protocReencoded("OrderItem", newer))))
                .isEqualTo(hex(newer));

        // order "o1" with field 100: a changed copy from the builder keeps it, as protobuf-java's toBuilder does
        Object order = parse("Order", HexFormat.of().parseHex("0a026f31" + "a0062a"));
        Object builder = order.getClass().getMethod("toBuilder").invoke(order);
        builder.getClass().getMethod("customerId", String.class).invoke(builder, "c");
        assertThat(encode("Order", builder.getClass().getMethod("build").invoke(builder))).isEqualTo("0a026f31" + "120163" + "a0062a");
    }

    @Test
    void malformedBytesAreRejected() throws Exception {
        byte[] truncated = HexFormat.of().parseHex("0a0561");
        assertThatThrownBy(() -> parse("OrderItem", truncated))
                .hasRootCauseInstanceOf(com.google.protobuf.InvalidProtocolBufferException.class);
    }

    @Test
    void aSingularEnumNumberThisVersionDoesNotKnowIsKeptInPlace() throws Exception {
        // order "o1", status 99 (field 2), then field 3 this version does not know
        byte[] newer = HexFormat.of().parseHex("0a026f31" + "1063" + "1801");
        Object update = parse("OrderUpdate", newer);

        assertThat(update.toString()).contains("orderId=o1", "status=UNRECOGNIZED");
        assertThat(encode("OrderUpdate", update)).isEqualTo(hex(newer)).isEqualTo(hex(protocReencoded("OrderUpdate", newer)));

        Object confirmed = loader.loadClass(PACKAGE + ".OrderStatus").getField("CONFIRMED").get(null);
        Object changed = update.getClass().getConstructor(String.class, confirmed.getClass(), UnknownFields.class)
                .newInstance("o1", confirmed, update.getClass().getMethod("unknownFields").invoke(update));
        assertThat(encode("OrderUpdate", changed)).as("a known value replaces the kept number").isEqualTo("0a026f31" + "1002" + "1801");
    }

    @Test
    void enumNumbersThisVersionDoesNotKnowInListsAndMapsAreKept() throws Exception {
        // statuses packed [1, 99, 2] (field 18), byStatus {"a": 99, "b": 1} (field 20)
        byte[] newer = HexFormat.of().parseHex("920103016302" + "a20105" + "0a0161" + "1063" + "a20105" + "0a0162" + "1001");
        Object scalars = parse("Scalars", newer);

        assertThat(scalars.toString()).contains("statuses=[PENDING, CONFIRMED]", "byStatus={b=PENDING}");
        Object protoc = loader.loadClass(PACKAGE + ".protobuf.Scalars").getMethod("parseFrom", byte[].class)
                .invoke(null, (Object) HexFormat.of().parseHex(encode("Scalars", scalars)));
        assertThat(protoc.getClass().getMethod("getStatusesValueList").invoke(protoc)).isEqualTo(List.of(1, 2, 99));
        assertThat(protoc.getClass().getMethod("getByStatusValueMap").invoke(protoc)).isEqualTo(Map.of("a", 99, "b", 1));
    }

    private Object parse(String type, byte[] bytes) throws Exception {
        Object codec = loader.loadClass(PACKAGE + "." + type + "ProtoCodec").getField("INSTANCE").get(null);
        return codec.getClass().getMethod("parseFrom", byte[].class).invoke(codec, (Object) bytes);
    }

    private String encode(String type, Object value) throws Exception {
        Object codec = loader.loadClass(PACKAGE + "." + type + "ProtoCodec").getField("INSTANCE").get(null);
        return hex((byte[]) codec.getClass().getMethod("toByteArray", Object.class).invoke(codec, value));
    }

    private byte[] protocReencoded(String type, byte[] bytes) throws Exception {
        Class<?> protocClass = loader.loadClass(PACKAGE + ".protobuf." + type);
        Object message = protocClass.getMethod("parseFrom", byte[].class).invoke(null, (Object) bytes);
        return (byte[]) protocClass.getMethod("toByteArray").invoke(message);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private Path protocJava(GeneratedFile proto) throws Exception {
        Path javaOut = Files.createDirectories(work.resolve("protoc-java"));
        Protoc.run(proto, work.resolve("protoc"), "--java_out=" + javaOut);
        return javaOut;
    }

    /**
     * Random values for record components: the first samples are the empty record and extremes,
     * later ones mix defaults, maxima, negative numbers, unicode beyond the BMP and absent optionals.
     */
    private static final class Instances {
        private static final String[] TEXT = {"", "a", "Zürich ☃", "𝄞 music", "line\nbreak", "\u0000nul", "x".repeat(300)};

        private final Random random;
        private final int sample;

        Instances(Random random, int sample) {
            this.random = random;
            this.sample = sample;
        }

        Object of(Class<?> record, int depth) throws Exception {
            RecordComponent[] components = record.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample == 0 ? empty(types[i]) : value(components[i].getGenericType(), depth);
            }
            return record.getDeclaredConstructor(types).newInstance(values);
        }

        private static Object empty(Class<?> type) {
            if (type == int.class) {
                return 0;
            }
            if (type == long.class) {
                return 0L;
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == float.class) {
                return 0f;
            }
            if (type == double.class) {
                return 0d;
            }
            return null;
        }

        private Object value(Type generic, int depth) throws Exception {
            if (generic instanceof ParameterizedType parameterized) {
                Type[] arguments = parameterized.getActualTypeArguments();
                int size = depth > 2 ? 0 : random.nextInt(4);
                if (parameterized.getRawType() == List.class) {
                    List<Object> list = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        list.add(nonNull(arguments[0], depth + 1));
                    }
                    return list;
                }
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(nonNull(arguments[0], depth + 1), nonNull(arguments[1], depth + 1));
                }
                return map;
            }
            Class<?> type = (Class<?>) generic;
            if (type == UnknownFields.class) {
                return null;
            }
            if (!type.isPrimitive() && random.nextInt(4) == 0) {
                return null;
            }
            return nonNull(type, depth);
        }

        private Object nonNull(Type generic, int depth) throws Exception {
            if (generic instanceof ParameterizedType) {
                return value(generic, depth);
            }
            Class<?> type = (Class<?>) generic;
            boolean extreme = sample == 1;
            if (type == int.class || type == Integer.class) {
                return extreme ? Integer.MIN_VALUE : pick(0, Integer.MAX_VALUE, -1, random.nextInt());
            }
            if (type == long.class || type == Long.class) {
                return extreme ? Long.MIN_VALUE : pick(0L, Long.MAX_VALUE, -1L, random.nextLong());
            }
            if (type == boolean.class || type == Boolean.class) {
                return extreme || random.nextBoolean();
            }
            if (type == float.class || type == Float.class) {
                return extreme ? Float.MAX_VALUE : pick(0f, -0f, Float.MIN_VALUE, random.nextFloat() * 1e6f - 5e5f);
            }
            if (type == double.class || type == Double.class) {
                return extreme ? -Double.MAX_VALUE : pick(0d, -0d, Double.MIN_VALUE, random.nextGaussian() * 1e9);
            }
            if (type == String.class) {
                return extreme ? TEXT[TEXT.length - 1] : TEXT[random.nextInt(TEXT.length)];
            }
            if (type == BigDecimal.class) {
                return pick(BigDecimal.ZERO, new BigDecimal("12.50"), new BigDecimal("-0.000001"),
                        BigDecimal.valueOf(random.nextLong(), random.nextInt(10)));
            }
            if (type == Instant.class) {
                return extreme ? Instant.parse("9999-12-31T23:59:59.999999999Z")
                        : Instant.ofEpochSecond(random.nextInt(2_000_000_000) - 1_000_000_000L, random.nextInt(1_000_000_000));
            }
            if (type == Duration.class) {
                return pick(Duration.ZERO, Duration.ofMillis(-1500), Duration.ofSeconds(315_576_000_000L),
                        Duration.ofSeconds(random.nextInt(100_000) - 50_000L, random.nextInt(1_000_000_000)));
            }
            if (type.getSimpleName().equals("Bytes")) {
                byte[] bytes = new byte[extreme ? 1000 : random.nextInt(6)];
                random.nextBytes(bytes);
                return type.getMethod("of", byte[].class).invoke(null, (Object) bytes);
            }
            if (type.isEnum()) {
                Object[] constants = type.getEnumConstants();
                Object chosen;
                do {
                    chosen = constants[random.nextInt(constants.length)];
                } while (((Enum<?>) chosen).name().equals("UNRECOGNIZED"));
                return chosen;
            }
            if (type.isRecord()) {
                return of(type, depth + 1);
            }
            throw new IllegalArgumentException("no random values for " + type);
        }

        @SafeVarargs
        private <T> T pick(T... choices) {
            return choices[random.nextInt(choices.length)];
        }
    }
}
