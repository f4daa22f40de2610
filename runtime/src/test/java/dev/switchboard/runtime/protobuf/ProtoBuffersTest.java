package dev.switchboard.runtime.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass encoding (lengths patched in after each body) must write exactly what sizing first
 * writes, whatever the body lengths: below 128 bytes, just above (the body moves right), beyond the
 * scratch array (sized first instead), and when a codec encodes another message while writing.
 */
class ProtoBuffersTest {

    record Node(String name, List<Long> numbers, List<Node> children, Map<String, String> labels) {}

    static final class NodeCodec implements ProtoCodec<Node> {
        static final NodeCodec INSTANCE = new NodeCodec();
        static final ProtoType<Node> NODE = ProtoTypes.message(INSTANCE);

        @Override
        public void write(Node value, CodedOutputStream out) throws IOException {
            ProtoWire.writeString(out, 1, value.name());
            ProtoWire.writeList(out, 2, value.numbers(), ProtoTypes.INT64);
            ProtoWire.writeList(out, 3, value.children(), NODE);
            ProtoWire.writeMap(out, 4, value.labels(), ProtoTypes.STRING, ProtoTypes.STRING);
        }

        @Override
        public int size(Node value) {
            return ProtoWire.sizeString(1, value.name())
                    + ProtoWire.sizeList(2, value.numbers(), ProtoTypes.INT64)
                    + ProtoWire.sizeList(3, value.children(), NODE)
                    + ProtoWire.sizeMap(4, value.labels(), ProtoTypes.STRING, ProtoTypes.STRING);
        }

        @Override
        public Node read(CodedInputStream in) throws IOException {
            String name = "";
            List<Long> numbers = new ArrayList<>();
            List<Node> children = new ArrayList<>();
            Map<String, String> labels = new LinkedHashMap<>();
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag) {
                    case 10 -> name = in.readStringRequireUtf8();
                    case 16, 18 -> ProtoWire.readListElement(in, tag, numbers, ProtoTypes.INT64);
                    case 26 -> ProtoWire.readListElement(in, tag, children, NODE);
                    case 34 -> ProtoWire.readMapEntry(in, labels, ProtoTypes.STRING, ProtoTypes.STRING);
                    default -> in.skipField(tag);
                }
            }
            return new Node(name, numbers, children, labels);
        }
    }

    /** A codec that encodes another message in the middle of writing its own. */
    static final class ReentrantCodec implements ProtoCodec<Node> {
        @Override
        public void write(Node value, CodedOutputStream out) throws IOException {
            out.writeByteArray(1, NodeCodec.INSTANCE.toByteArray(value));
            ProtoWire.writeList(out, 2, value.children(), NodeCodec.NODE);
        }

        @Override
        public int size(Node value) {
            return CodedOutputStream.computeByteArraySize(1, NodeCodec.INSTANCE.toByteArray(value))
                    + ProtoWire.sizeList(2, value.children(), NodeCodec.NODE);
        }

        @Override
        public Node read(CodedInputStream in) {
            throw new UnsupportedOperationException();
        }
    }

    @ParameterizedTest(name = "bodies of about {0} bytes")
    @ValueSource(ints = {0, 1, 100, 127, 128, 129, 300, 16_383, 16_384, 20_000, 2_000_000})
    void onePassWritesWhatSizingFirstWrites(int bodyLength) throws IOException {
        Node node = tree(bodyLength);

        byte[] onePass = NodeCodec.INSTANCE.toByteArray(node);

        assertThat(hex(onePass)).isEqualTo(hex(sizedFirst(NodeCodec.INSTANCE, node)));
        assertThat(NodeCodec.INSTANCE.parseFrom(onePass)).isEqualTo(node);
        assertThat(hex(NodeCodec.INSTANCE.toByteArray(node))).as("again, with the scratch array as it grew").isEqualTo(hex(onePass));
    }

    @ParameterizedTest(name = "bodies of about {0} bytes")
    @ValueSource(ints = {10, 200, 30_000})
    void aMessageEncodedWhileAnotherIsWrittenLeavesItIntact(int bodyLength) throws IOException {
        Node node = tree(bodyLength);
        ReentrantCodec codec = new ReentrantCodec();

        assertThat(hex(codec.toByteArray(node))).isEqualTo(hex(sizedFirst(codec, node)));
    }

    /** A root whose string, packed list, child and map entry each take about {@code length} bytes. */
    private static Node tree(int length) {
        String text = "é".repeat(length / 2) + "x".repeat(length % 2);
        List<Long> numbers = LongStream.range(0, length / 2).map(i -> i * 37).boxed().toList();
        Node leaf = new Node(text, numbers, List.of(), Map.of("k", text));
        Node middle = new Node("m", List.of(), List.of(leaf, leaf), Map.of());
        return new Node(text, numbers, List.of(middle, leaf), Map.of("a", text, "b", ""));
    }

    private static <T> byte[] sizedFirst(ProtoCodec<T> codec, T value) throws IOException {
        byte[] bytes = new byte[codec.size(value)];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        codec.write(value, out);
        out.checkNoSpaceLeft();
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
