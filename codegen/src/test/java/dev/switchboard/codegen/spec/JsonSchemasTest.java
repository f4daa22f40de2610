package dev.switchboard.codegen.spec;

import static dev.switchboard.codegen.spec.YamlDocument.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.contract.ContractLoader;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ServiceContract;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonSchemasTest {

    private static final ServiceContract RICH = RichSpecInputs.contract();

    @Test
    void mapsEveryScalarToItsJsonForm() {
        Map<String, Object> scalars = new JsonSchemas(RICH, JsonSchemas.Dialect.DRAFT_2020_12)
                .typeSchema(RICH.type("Scalars").orElseThrow());
        Map<String, Object> properties = child(scalars, "properties");

        assertThat(child(properties, "flag")).isEqualTo(map("type", "boolean"));
        assertThat(child(properties, "small")).isEqualTo(map("type", "integer", "format", "int32"));
        assertThat(child(properties, "big")).isEqualTo(map("type", "integer", "format", "int64"));
        assertThat(child(properties, "usmall")).isEqualTo(map(
                "type", "integer", "format", "int64", "minimum", BigInteger.ZERO, "maximum", BigInteger.valueOf(4294967295L)));
        assertThat(child(properties, "ubig")).isEqualTo(map(
                "type", "integer", "minimum", BigInteger.ZERO, "maximum", new BigInteger("18446744073709551615")));
        assertThat(child(properties, "ratio")).isEqualTo(map("type", "number", "format", "float"));
        assertThat(child(properties, "precise")).isEqualTo(map(
                "type", "number", "format", "double", "minimum", -1.5, "maximum", 1.5));
        assertThat(child(properties, "blob")).isEqualTo(map("type", "string", "contentEncoding", "base64"));
        assertThat(child(properties, "at")).isEqualTo(map("type", "string", "format", "date-time"));
        assertThat(child(properties, "took")).isEqualTo(map("type", "string", "format", "duration"));
        assertThat(child(properties, "amount")).containsEntry("pattern", JsonSchemas.DECIMAL_PATTERN);
        assertThat(child(properties, "counts")).isEqualTo(map(
                "type", "object", "additionalProperties", map("type", "integer", "format", "int64")));
        assertThat(child(properties, "statuses")).isEqualTo(map(
                "type", "array", "items", map("$ref", "#/components/schemas/OrderStatus")));
        assertThat(child(properties, "byId")).isEqualTo(map(
                "type", "object",
                "propertyNames", map("pattern", "^-?[0-9]+$"),
                "additionalProperties", map("$ref", "#/components/schemas/OrderItem"),
                "maxProperties", 10));
        assertThat(scalars.get("required")).isEqualTo(List.of("at", "took", "amount"));
    }

    @Test
    void aDocumentedReferenceKeepsItsDocInBothDialects() throws Exception {
        ServiceContract contract = ContractLoader.parse("doc.yaml", """
                switchboard: 1
                service: Docs
                package: com.example.docs
                types:
                  Inner:
                    fields:
                      text: { type: string, tag: 1 }
                  Outer:
                    fields:
                      inner: { type: Inner, tag: 1, doc: the wrapped value }
                """);
        var inner = contract.messageType("Outer").fields().get(0);
        assertThat(new JsonSchemas(contract, JsonSchemas.Dialect.DRAFT_2020_12).fieldSchema(inner, true))
                .isEqualTo(map("$ref", "#/components/schemas/Inner", "description", "the wrapped value"));
        // Draft 7 ignores every keyword beside $ref, so the reference moves into allOf.
        assertThat(new JsonSchemas(contract, JsonSchemas.Dialect.DRAFT_07).fieldSchema(inner, true))
                .isEqualTo(map("allOf", List.of(map("$ref", "#/components/schemas/Inner")), "description", "the wrapped value"));
    }

    @Test
    void theOrderSchemaAcceptsAValidOrderAndRejectsBrokenOnes() {
        Schema order = schemaOf("Order");
        String valid = """
                {"id": "o-1", "customerId": "c-1", "status": "PENDING", "createdAt": "2025-01-02T03:04:05Z",
                 "items": [{"sku": "A-1", "quantity": 2, "unitPrice": "9.95"}],
                 "total": {"units": 1990, "currency": "EUR"}, "attributes": {"gift": "yes"}}
                """;
        assertThat(order.validate(valid, InputFormat.JSON)).isEmpty();

        assertThat(messages(order, valid.replace("\"EUR\"", "\"eur\""))).anyMatch(m -> m.startsWith("/total/currency"));
        assertThat(messages(order, valid.replace("\"EUR\"", "\"EURO\""))).anyMatch(m -> m.startsWith("/total/currency"));
        assertThat(messages(order, valid.replace("\"quantity\": 2", "\"quantity\": 0"))).anyMatch(m -> m.startsWith("/items/0/quantity"));
        assertThat(messages(order, valid.replace("\"9.95\"", "\"9,95\""))).anyMatch(m -> m.startsWith("/items/0/unitPrice"));
        assertThat(messages(order, valid.replace("\"PENDING\"", "\"SHIPPED\""))).anyMatch(m -> m.startsWith("/status"));
        assertThat(messages(order, valid.replace("\"createdAt\": \"2025-01-02T03:04:05Z\",", ""))).anyMatch(m -> m.contains("createdAt"));
        assertThat(messages(order, valid.replaceAll("\\[\\{.*}]", "[]"))).anyMatch(m -> m.startsWith("/items"));
    }

    @Test
    void theJsonOfTheGeneratedRecordsConformsToTheSchemas() throws Exception {
        JsonNode examples;
        try (InputStream in = JsonSchemasTest.class.getResourceAsStream("/json/rich-records.json")) {
            // The documents the generated records round-trip (GeneratedJsonRoundTripTest).
            examples = JsonMapper.builder().build().readTree(in);
        }
        int checked = 0;
        for (MessageType type : RICH.messageTypes()) {
            Schema schema = schemaOf(type.name());
            for (JsonNode example : examples.path(type.name())) {
                assertThat(schema.validate(example)).as("%s %s", type.name(), example).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(RICH.messageTypes().size());
    }

    /** The component schemas as one 2020-12 schema whose root is a reference to {@code type}. */
    private static Schema schemaOf(String type) {
        Map<String, Object> root = map(
                "$schema", "https://json-schema.org/draft/2020-12/schema",
                "$ref", JsonSchemas.REF_PREFIX + type,
                "components", map("schemas", new JsonSchemas(RICH, JsonSchemas.Dialect.DRAFT_2020_12)
                        .schemasReachableFrom(List.of(type))));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(JsonMapper.builder().build().valueToTree(root));
    }

    private static List<String> messages(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}
