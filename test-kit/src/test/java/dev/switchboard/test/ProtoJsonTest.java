package dev.switchboard.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TimestampProto;
import dev.switchboard.codegen.protobuf.FileDescriptors;
import dev.switchboard.contract.ContractLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON as the generated records write it, through protobuf bytes under the contract's descriptor and back. */
class ProtoJsonTest {

    private static final String CONTRACT = """
            switchboard: 1
            service: Shelves
            package: com.example.shelves
            version: 1.0.0
            types:
              Shelf:
                fields:
                  sku:       { type: string, tag: 1 }
                  onHand:    { type: int64, tag: 2 }
                  bins:      { type: uint32, tag: 3 }
                  ubig:      { type: uint64, tag: 4 }
                  ratio:     { type: float, tag: 5 }
                  price:     { type: decimal, tag: 6 }
                  counted:   { type: timestamp, tag: 7 }
                  shelfLife: { type: duration, tag: 8 }
                  state:     { type: State, tag: 9 }
                  label:     { type: bytes, tag: 10 }
                  note:      { type: string, tag: 11, optional: true }
                  lots:      { type: list<string>, tag: 12 }
                  perBin:    { type: map<int32,Lot>, tag: 13 }
                  fragile:   { type: bool, tag: 14 }
              Lot:
                fields:
                  id: { type: string, tag: 1 }
              State:
                enum: { STOCKED: 1, EMPTY: 2 }
            operations:
              describe:
                input: Shelf
                output: Shelf
            """;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Descriptor shelf = descriptor().findMessageTypeByName("Shelf");

    private static FileDescriptor descriptor() {
        try {
            return FileDescriptor.buildFrom(FileDescriptors.of(ContractLoader.parse("shelves.yaml", CONTRACT)),
                    new FileDescriptor[] {DurationProto.getDescriptor(), TimestampProto.getDescriptor()});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode throughTheWire(String text) throws Exception {
        byte[] bytes = ProtoJson.toMessage(shelf, json.readTree(text)).toByteArray();
        return ProtoJson.toJson(DynamicMessage.parseFrom(shelf, bytes));
    }

    @Test
    void everyFieldKindComesBackAsItWent() throws Exception {
        String text = """
                {"sku":"blue-mug","onHand":9007199254740993,"bins":7,"ubig":18446744073709551615,"ratio":0.1,
                 "price":"12.50","counted":"2026-12-04T08:15:30.123Z","shelfLife":"PT720H0.005S","state":"STOCKED",
                 "label":"AAH+","note":"top shelf","lots":["l-1","l-2"],"perBin":{"3":{"id":"x"}},"fragile":true}""";

        assertThat(throughTheWire(text)).isEqualTo(json.readTree(text));
    }

    @Test
    void unsetScalarsReadAsTheirDefaultsAndUnsetOptionalsStayAbsent() throws Exception {
        JsonNode back = throughTheWire("{}");

        assertThat(back.path("sku").asString()).isEmpty();
        assertThat(back.path("onHand").asLong()).isZero();
        assertThat(back.path("state").asString()).isEqualTo("UNSPECIFIED");
        assertThat(back.has("note")).isFalse();
        assertThat(back.has("counted")).as("a message field has presence").isFalse();
    }

    @Test
    void numbersMayArriveAsStringsAndDecimalsAsNumbers() throws Exception {
        JsonNode back = throughTheWire("{\"onHand\":\"42\",\"price\":3.25,\"shelfLife\":1.5}");

        assertThat(back.path("onHand").asLong()).isEqualTo(42);
        assertThat(back.path("price").asString()).isEqualTo("3.25");
        assertThat(back.path("shelfLife").asString()).isEqualTo("PT1.5S");
    }

    @Test
    void anEnumValueTheTypeLacksIsAContractViolation() {
        assertThatThrownBy(() -> throughTheWire("{\"state\":\"LOST\"}"))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("LOST is not a value of State");
    }
}
