package dev.switchboard.codegen.spec;

import static dev.switchboard.codegen.spec.YamlDocument.map;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Transport;
import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports the REST side of a service as OpenAPI 3.1: one operation per HTTP binding, message types
 * as JSON Schemas with their constraints, every error as RFC 9457 problem details, and the
 * contract's security as security schemes and per-operation requirements ({@link OpenApiSecurity}).
 */
public final class OpenApiGenerator implements OutputGenerator {

    static final String FILE_NAME = "openapi.yaml";

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.serves(Transport.REST);
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        List<Operation> operations = restOperations(contract);
        String problem = unusedSchemaName(contract, "Problem");
        JsonSchemas schemas = new JsonSchemas(contract, JsonSchemas.Dialect.DRAFT_2020_12);
        OpenApiSecurity security = new OpenApiSecurity(contract);

        List<String> roots = new ArrayList<>();
        for (Operation operation : operations) {
            roots.add(operation.input());
            roots.add(operation.output());
        }
        Map<String, Object> componentSchemas = new LinkedHashMap<>(schemas.schemasReachableFrom(roots));
        componentSchemas.put(problem, problemSchema(contract));

        Map<String, Object> document = map(
                "openapi", "3.1.0",
                "info", map(
                        "title", contract.service(),
                        "version", contract.version() != null ? contract.version() : "0.0.0",
                        "description", contract.description()),
                "tags", List.of(map("name", contract.service(), "description", contract.description())),
                "paths", new OpenApiPaths(contract, schemas, security, JsonSchemas.REF_PREFIX + problem)
                        .paths(operations),
                "components", map("schemas", componentSchemas, "securitySchemes", security.schemes()));
        return List.of(SpecFiles.resource(input, FILE_NAME, YamlDocument.write(SpecFiles.header(input), document)));
    }

    private static List<Operation> restOperations(ServiceContract contract) {
        return contract.operations().stream().filter(o -> o.http() != null).toList();
    }

    /** RFC 9457 problem details, with the members every Switchboard transport adds. */
    private static Map<String, Object> problemSchema(ServiceContract contract) {
        List<String> errorNames = contract.errors().stream().map(ErrorDefinition::name).toList();
        Map<String, Object> violation = map(
                "type", "object",
                "properties", map(
                        "field", map("type", "string", "description", "Path to the offending value, e.g. items[1].sku."),
                        "message", map("type", "string", "description", "What is wrong with it.")),
                "required", List.of("field", "message"));
        return map(
                "type", "object",
                "description", "An error, as RFC 9457 problem details.",
                "properties", map(
                        "type", map("type", "string", "format", "uri-reference",
                                "description", "Identifies the kind of problem."),
                        "title", map("type", "string", "description", "Short summary of the kind of problem."),
                        "status", map("type", "integer", "format", "int32", "description", "The HTTP status."),
                        "detail", map("type", "string", "description", "What went wrong this time."),
                        "instance", map("type", "string", "format", "uri-reference",
                                "description", "The request that failed."),
                        "code", map("type", "string", "enum", ErrorCodes.names(),
                                "description", "The canonical error code, the same on every transport."),
                        "error", map("type", "string", "enum", errorNames.isEmpty() ? null : errorNames,
                                "description", "The contract error, when the service raised one."),
                        "details", map("type", "object", "additionalProperties", map("type", "string"),
                                "description", "The values of the error message's placeholders, e.g. {id: o-1}."),
                        "traceId", map("type", "string", "description", "The W3C trace id of the failed call."),
                        "violations", map("type", "array",
                                "description", "Each constraint the request broke (INVALID_ARGUMENT only).",
                                "items", violation)),
                "required", List.of("status", "code"));
    }

    /** {@code base}, or a prefixed form when the contract already has a type of that name. */
    static String unusedSchemaName(ServiceContract contract, String base) {
        String name = base;
        while (contract.type(name).isPresent()) {
            name = "Switchboard" + name;
        }
        return name;
    }
}
