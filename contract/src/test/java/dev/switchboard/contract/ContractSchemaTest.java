package dev.switchboard.contract;

import static dev.switchboard.contract.Contracts.HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON Schema editors use agrees with the loader on valid contracts and flags typical mistakes. */
class ContractSchemaTest {

    static final String SCHEMA = "/dev/switchboard/contract/switchboard-contract.schema.json";
    static final Path DOCS = Path.of("../docs/contract.md");

    static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ContractSchemaTest.class.getResourceAsStream(SCHEMA)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    @Test
    void identifiesItself() {
        assertThat(schema.getSchemaNode().get("$id").asString()).isEqualTo("https://switchboard.dev/schema/contract-1.json");
    }

    @Test
    void acceptsTheRichContract() throws IOException {
        assertThat(errors(Files.readString(RichContractTest.RICH))).isEmpty();
    }

    @Test
    void acceptsPublicFalseWithScopesAndPublicTrueAlone() {
        String contract = HEADER + """
                security: { schemes: [jwt, mtls], scopes: { "orders:read": Read orders } }
                operations:
                  get: { input: A, output: A, public: false, scopes: ["orders:read"] }
                  health: { input: A, output: A, public: true }
                """;
        assertThat(errors(contract)).isEmpty();
    }

    @Test
    void acceptsTheReferenceExampleWhichAlsoLoads() throws IOException {
        String example = firstYamlBlock(Files.readString(DOCS));
        assertThat(errors(example)).isEmpty();
        assertThat(ContractLoader.parse("contract.md", example).operations()).isNotEmpty();
    }

    static Stream<Arguments> badContracts() {
        return Stream.of(
                arguments("service missing", "switchboard: 1\npackage: com.example.orders\n", "required"),
                arguments("unknown top-level key", HEADER + "descripton: x\n", "additionalProperties"),
                arguments("format version 2", "switchboard: 2\nservice: Orders\npackage: com.example.orders\n", "const"),
                arguments("tag protobuf reserves", HEADER + "types:\n  A: { fields: { id: { type: string, tag: 19500 } } }\n",
                        "not"),
                arguments("unknown field key", HEADER + "types:\n  A: { fields: { id: { type: string, tag: 1, size: 3 } } }\n",
                        "additionalProperties"),
                arguments("duration without unit", HEADER + "policies: { timeout: 500 }\n", "type"),
                arguments("zero duration", HEADER + "policies: { timeout: 0s }\n", "pattern"),
                arguments("code OK", HEADER + "errors:\n  Fine: { code: OK }\n", "enum"),
                arguments("lower-case enum value", HEADER + "types:\n  S: { enum: { active: 1 } }\n", "propertyNames"),
                arguments("http method FETCH", HEADER + "operations:\n  get: { input: A, output: A, http: FETCH /a }\n",
                        "pattern"),
                arguments("retry attempts 11", HEADER + "policies: { retry: { attempts: 11 } }\n", "maximum"),
                arguments("command with topic", HEADER + "commands:\n  run: { payload: A, topic: a }\n", "required"),
                arguments("ordered event without a key",
                        HEADER + "events:\n  made: { payload: A, topic: a, ordered: true }\n", "required"),
                arguments("ordered that is not a boolean",
                        HEADER + "events:\n  made: { payload: A, topic: a, key: id, ordered: yes please }\n", "type"),
                arguments("batched and ordered", HEADER
                        + "events:\n  made: { payload: A, topic: a, key: id, ordered: true, batch: { max: 9, wait: 1s } }\n",
                        "not"),
                arguments("batch of 5000", HEADER + "events:\n  made: { payload: A, topic: a, batch: { max: 5000, wait: 1s } }\n",
                        "maximum"),
                arguments("batch without wait", HEADER + "events:\n  made: { payload: A, topic: a, batch: { max: 10 } }\n",
                        "required"),
                // security
                arguments("unknown scheme", HEADER + "security: { schemes: [saml] }\n", "enum"),
                arguments("empty schemes", HEADER + "security: { schemes: [] }\n", "minItems"),
                arguments("security without schemes", HEADER + "security: { scopes: { a: b } }\n", "required"),
                arguments("unknown security key", HEADER + "security: { schemes: [jwt], scope: { a: b } }\n",
                        "additionalProperties"),
                arguments("scope with a space", HEADER + "security:\n  schemes: [jwt]\n  scopes: { 'orders read': x }\n",
                        "propertyNames"),
                arguments("operation scope with a quote", HEADER
                        + "operations:\n  get: { input: A, output: A, scopes: ['say\"hi'] }\n", "pattern"),
                arguments("scope listed twice", HEADER
                        + "operations:\n  get: { input: A, output: A, scopes: [a, a] }\n", "uniqueItems"),
                arguments("public with scopes", HEADER
                        + "operations:\n  get: { input: A, output: A, public: true, scopes: [a] }\n", "not"),
                arguments("public that is a string", HEADER
                        + "operations:\n  get: { input: A, output: A, public: 'yes' }\n", "type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badContracts")
    void rejects(String mistake, String contract, String keyword) {
        assertThat(errors(contract)).extracting(Error::getKeyword).contains(keyword);
    }

    private static List<Error> errors(String yaml) {
        Object document = new Yaml().load(yaml);
        JsonNode json = JsonMapper.builder().build().valueToTree(document);
        return schema.validate(json);
    }

    /** The first fenced YAML block: the full example the reference opens with. */
    static String firstYamlBlock(String markdown) {
        int start = markdown.indexOf("```yaml\n") + "```yaml\n".length();
        return markdown.substring(start, markdown.indexOf("```", start));
    }
}
