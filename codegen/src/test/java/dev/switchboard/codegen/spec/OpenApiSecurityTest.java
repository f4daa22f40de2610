package dev.switchboard.codegen.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.Transport;
import dev.switchboard.contract.ContractLoader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract's security in the OpenAPI export: schemes under {@code components.securitySchemes},
 * each operation's requirement (any scheme, with the scopes it needs; {@code []} when public), and
 * the 401/403 problems a refused caller gets. Read back with swagger-parser, which must accept it.
 */
class OpenApiSecurityTest {

    private static final String SECURED = """
            switchboard: 1
            service: Shop
            package: com.example.shop
            version: 1.0.0
            security:
              schemes: [jwt, mtls]
              scopes:
                orders:read: Read orders
                orders:write: Place and cancel orders
            types:
              Query:
                fields:
                  id: { type: string, tag: 1 }
            operations:
              getOrder:
                input: Query
                output: Query
                http: GET /orders/{id}
                scopes: [orders:read]
              placeOrder:
                input: Query
                output: Query
                http: POST /orders
                scopes: [orders:read, orders:write]
              whoAmI: { input: Query, output: Query, http: GET /me }
              health: { input: Query, output: Query, http: GET /health, public: true }
            """;

    @Test
    void declaresJwtAsABearerTokenAndMtlsAsMutualTls() {
        OpenAPI api = export(SECURED);
        SecurityScheme jwt = api.getComponents().getSecuritySchemes().get("jwt");
        assertThat(jwt.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(jwt.getScheme()).isEqualTo("bearer");
        assertThat(jwt.getBearerFormat()).isEqualTo("JWT");
        assertThat(jwt.getDescription())
                .contains("orders:read (Read orders)", "orders:write (Place and cancel orders)");
        assertThat(api.getComponents().getSecuritySchemes().get("mtls").getType())
                .isEqualTo(SecurityScheme.Type.MUTUALTLS);
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("jwt", "mtls");
    }

    @Test
    void eachSecuredOperationAcceptsAnySchemeWithItsScopes() {
        OpenAPI api = export(SECURED);
        Operation place = api.getPaths().get("/orders").getPost();
        assertThat(place.getSecurity()).containsExactly(
                requirement("jwt", "orders:read", "orders:write"),
                requirement("mtls", "orders:read", "orders:write"));
        assertThat(api.getPaths().get("/me").getGet().getSecurity())
                .as("any authenticated caller").containsExactly(requirement("jwt"), requirement("mtls"));
        assertThat(api.getPaths().get("/health").getGet().getSecurity()).as("public").isEmpty();
        assertThat(api.getPaths().get("/health").getGet().getSecurity()).isNotNull();
        assertThat(api.getSecurity()).as("no document-wide default").isNull();
    }

    @Test
    void refusedCallersGetProblemsWith401And403() {
        OpenAPI api = export(SECURED);
        var place = api.getPaths().get("/orders").getPost().getResponses();
        assertThat(place.get("401").getDescription()).contains("UNAUTHENTICATED");
        assertThat(place.get("403").getDescription()).contains("orders:read, orders:write", "PERMISSION_DENIED");
        assertThat(place.get("403").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(api.getPaths().get("/me").getGet().getResponses()).containsKey("401").doesNotContainKey("403");
        assertThat(api.getPaths().get("/health").getGet().getResponses()).doesNotContainKeys("401", "403");
    }

    @Test
    void aContractWithoutSecurityDeclaresNone() {
        String text = generate(SECURED.replaceAll("(?s)security:.*?types:", "types:")
                .replaceAll("    scopes: .*\n", "")
                .replace(", public: true", ""));
        assertThat(text).doesNotContain("security", "401", "403");
    }

    @Test
    void theRichContractsOperationsSayWhatTheyRequire() {
        OpenAPI api = read(RichSpecInputs.generate(new OpenApiGenerator()).content());
        assertThat(api.getPaths().get("/orders/{id}").getGet().getSecurity())
                .containsExactly(requirement("jwt", "orders:read"), requirement("mtls", "orders:read"));
        assertThat(api.getPaths().get("/orders/{id}").getDelete().getSecurity())
                .containsExactly(requirement("jwt", "orders:write"), requirement("mtls", "orders:write"));
    }

    private static SecurityRequirement requirement(String scheme, String... scopes) {
        return new SecurityRequirement().addList(scheme, List.of(scopes));
    }

    private static OpenAPI export(String contract) {
        return read(generate(contract));
    }

    private static String generate(String contract) {
        ContractInput input = new ContractInput(ContractLoader.parse("shop.yaml", contract), "shop.yaml",
                Set.of(Role.SERVER), EnumSet.allOf(Transport.class));
        return new OpenApiGenerator().generate(input).get(0).content();
    }

    private static OpenAPI read(String yaml) {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, null);
        assertThat(result.getMessages()).as("swagger-parser errors and warnings").isEmpty();
        return result.getOpenAPI();
    }
}
