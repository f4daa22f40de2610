package dev.switchboard.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.codegen.RichContract;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.runtime.Bytes;
import dev.switchboard.runtime.validation.ConstraintCheck;
import dev.switchboard.runtime.validation.Validatable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated records read and written by a plain Jackson 3 mapper, with no modules or settings:
 * what a service gets whatever mapper its framework configures.
 */
class GeneratedJsonRoundTripTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Canonical documents (every non-null value present, in field order), by record name. */
    static Stream<Arguments> documents() {
        JsonNode all = examples();
        List<Arguments> documents = new ArrayList<>();
        for (MessageType type : RichContract.contract().messageTypes()) {
            JsonNode examples = all.get(type.name());
            assertThat(examples).as("json/rich-records.json has no documents for %s", type.name()).isNotNull();
            for (int i = 0; i < examples.size(); i++) {
                documents.add(Arguments.of(type.name(), i, examples.get(i)));
            }
        }
        return documents.stream();
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("documents")
    void readsAndWritesBackTheSameDocument(String typeName, int index, JsonNode document) {
        Class<?> type = CompiledRichContract.load(typeName);

        Object value = MAPPER.readValue(document.toString(), type);
        String written = MAPPER.writeValueAsString(value);

        assertThat(MAPPER.readTree(written)).isEqualTo(document);
        // Same text, so the same property and map-key order as well as the same values.
        assertThat(written).isEqualTo(MAPPER.writeValueAsString(document));
        assertThat(MAPPER.readValue(written, type)).isEqualTo(value);
        assertThat(ConstraintCheck.violationsOf((Validatable) value)).as("canonical documents are valid").isEmpty();
    }

    @Test
    void keepsScalarsExactly() {
        Object scalars = read("Scalars", 0);

        assertThat(get(scalars, "big")).isEqualTo(9007199254740993L);
        assertThat(get(scalars, "blob")).isEqualTo(Bytes.of((byte) 0, (byte) 1, (byte) 2, (byte) 0xff));
        assertThat(get(scalars, "at")).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
        assertThat(get(scalars, "took")).isEqualTo(Duration.ofMillis(1500));
        assertThat(get(scalars, "amount")).isEqualTo(new BigDecimal("12.50"));
        assertThat(get(scalars, "counts")).isEqualTo(Map.of("zulu", 1L, "alpha", 9007199254740993L));

        JsonNode written = MAPPER.valueToTree(scalars);
        assertThat(written.get("big").isIntegralNumber()).as("int64 stays a JSON number").isTrue();
        assertThat(written.get("amount").isString()).as("decimal is a JSON string").isTrue();
        assertThat(written.get("took").asString()).isEqualTo("PT1.5S");
    }

    @Test
    void keywordFieldsKeepTheirContractNameInJson() {
        Object scalars = read("Scalars", 0);

        assertThat(get(scalars, "class_")).isEqualTo("first");
        assertThat(get(scalars, "default_")).isEqualTo(3);
        JsonNode written = MAPPER.valueToTree(scalars);
        assertThat(written.has("class")).isTrue();
        assertThat(written.has("class_")).isFalse();
    }

    @Test
    void absentOptionalsAreNullAndLeftOut() {
        Object order = read("Order", 1);

        assertThat(get(order, "note")).isNull();
        assertThat(get(order, "deliveryWindow")).isNull();
        assertThat(get(order, "discount")).isNull();
        assertThat(MAPPER.valueToTree(order).has("note")).isFalse();
    }

    @Test
    void mapsKeepTheirOrder() {
        Object order = read("Order", 0);

        @SuppressWarnings("unchecked")
        Map<String, String> attributes = (Map<String, String>) get(order, "attributes");
        assertThat(attributes.keySet()).containsExactly("zulu", "alpha", "mike");
    }

    @Test
    void anEmptyDocumentReadsAsDefaults() {
        Object scalars = MAPPER.readValue("{}", CompiledRichContract.load("Scalars"));

        assertThat(get(scalars, "flag")).isEqualTo(false);
        assertThat(get(scalars, "big")).isEqualTo(0L);
        assertThat(get(scalars, "text")).isEqualTo("");
        assertThat(get(scalars, "blob")).isEqualTo(Bytes.EMPTY);
        assertThat(get(scalars, "default_")).isNull();
        assertThat(get(scalars, "counts")).isEqualTo(Map.of());
        assertThat(get(scalars, "scores")).isEqualTo(List.of());
        Object update = MAPPER.readValue("{\"orderId\": null}", CompiledRichContract.load("OrderUpdate"));
        assertThat(get(update, "orderId")).isEqualTo("");
        assertThat(get(update, "status")).hasToString("UNSPECIFIED");
    }

    @Test
    void unknownEnumNamesReadAsUnrecognized() {
        Object update = MAPPER.readValue("{\"orderId\": \"o-1\", \"status\": \"REFUNDED\"}",
                CompiledRichContract.load("OrderUpdate"));
        Object scalars = MAPPER.readValue("{\"statuses\": [\"PENDING\", \"LOST_IN_TRANSIT\"]}",
                CompiledRichContract.load("Scalars"));

        assertThat(get(update, "status")).hasToString("UNRECOGNIZED");
        assertThat(get(scalars, "statuses")).asString().isEqualTo("[PENDING, UNRECOGNIZED]");
    }

    @Test
    void unknownPropertiesAreIgnored() {
        Object request = MAPPER.readValue("{\"id\": \"o-1\", \"addedInVersion2\": {\"deep\": [1, 2]}}",
                CompiledRichContract.load("GetOrderRequest"));

        assertThat(get(request, "id")).isEqualTo("o-1");
    }

    @Test
    void violationsNameTheContractFieldPath() {
        String badOrder = """
                {"id": "o-1", "items": [{"sku": "", "quantity": 0, "unitPrice": "-1"}, {"sku": "ok", "quantity": 1}],
                 "note": "%s"}""".formatted("x".repeat(501));
        Object order = MAPPER.readValue(badOrder, CompiledRichContract.load("Order"));

        assertThat(ConstraintCheck.violationsOf((Validatable) order)).extracting(Object::toString).containsExactly(
                "items[0].sku: must be at least 1 character long",
                "items[0].quantity: must be at least 1",
                "items[0].unitPrice: must be at least 0",
                "items[1].unitPrice: is required",
                "total: is required",
                "createdAt: is required",
                "note: must be at most 500 characters long");
    }

    @Test
    void violationsUseContractNamesAndExactBounds() {
        Object scalars = MAPPER.readValue("""
                {"precise": 1.75, "at": "2024-05-01T10:15:30Z", "took": "PT1S", "amount": "1",
                 "byId": {"4": {"sku": "A", "quantity": 1001, "unitPrice": "1"}}}""",
                CompiledRichContract.load("Scalars"));
        Object request = MAPPER.readValue("{\"id\": \"Not An Id\"}", CompiledRichContract.load("GetOrderRequest"));

        assertThat(ConstraintCheck.violationsOf((Validatable) scalars)).extracting(Object::toString).containsExactly(
                "precise: must be at most 1.5",
                "byId[4].quantity: must be at most 1000");
        assertThat(ConstraintCheck.violationsOf((Validatable) request)).extracting(Object::toString).containsExactly(
                "id: must match [a-z0-9-]+");
    }

    private static JsonNode examples() {
        try (InputStream in = GeneratedJsonRoundTripTest.class.getResourceAsStream("/json/rich-records.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(String typeName, int index) {
        return MAPPER.readValue(examples().get(typeName).get(index).toString(), CompiledRichContract.load(typeName));
    }

    /** A record component by its Java name. */
    static Object get(Object record, String component) {
        for (RecordComponent candidate : record.getClass().getRecordComponents()) {
            if (candidate.getName().equals(component)) {
                try {
                    return candidate.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError(record.getClass().getSimpleName() + " has no component " + component);
    }
}
