package dev.switchboard.contract;

import static dev.switchboard.contract.Contracts.HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.Security;
import dev.switchboard.contract.model.Security.Scheme;
import dev.switchboard.contract.model.ServiceContract;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The security section and who may call each operation: the model it reads into, and every rule. */
class SecurityRulesTest {

    /** One message type; what follows starts at line 8. */
    static final String TYPES = HEADER + """
            types:
              Q:
                fields:
                  id: { type: string, tag: 1 }
            """;

    static final String SECURED = TYPES + """
            security:
              schemes: [jwt, mtls]
              scopes:
                orders:read: Read orders
                orders:write: Place and cancel orders
            """;

    @Test
    void readsTheSectionAndEachOperationsAccess() {
        ServiceContract contract = ContractLoader.parse("t.yaml", SECURED + """
                operations:
                  getOrder:
                    input: Q
                    output: Q
                    scopes: [orders:read, orders:write]
                  health: { input: Q, output: Q, public: true }
                  placeOrder: { input: Q, output: Q }
                """);
        Security security = contract.security();
        assertThat(security.schemes()).containsExactly(Scheme.JWT, Scheme.MTLS);
        assertThat(security.scopes()).containsExactly(
                Map.entry("orders:read", "Read orders"), Map.entry("orders:write", "Place and cancel orders"));
        assertThat(security.position()).isEqualTo(new Position("t.yaml", 9, 3));
        assertThat(contract.isSecured()).isTrue();

        Operation get = contract.operations().get(0);
        Operation health = contract.operations().get(1);
        Operation place = contract.operations().get(2);
        assertThat(get.scopes()).containsExactly("orders:read", "orders:write");
        assertThat(contract.isPublic(get)).isFalse();
        assertThat(health.isPublic()).isTrue();
        assertThat(contract.isPublic(health)).isTrue();
        assertThat(place.scopes()).isEmpty();
        assertThat(contract.isPublic(place)).as("any authenticated caller").isFalse();
    }

    @Test
    void withoutASectionEveryOperationIsPublic() {
        ServiceContract contract = ContractLoader.parse("t.yaml", TYPES + """
                operations:
                  getOrder: { input: Q, output: Q }
                """);
        assertThat(contract.security()).isNull();
        assertThat(contract.isSecured()).isFalse();
        assertThat(contract.isPublic(contract.operations().get(0))).isTrue();
    }

    static Stream<Arguments> contracts() {
        return Stream.of(
                arguments("section that is not a mapping", TYPES + """
                        security: jwt
                        operations:
                          getOrder: { input: Q, output: Q, scopes: [orders:read] }
                        """,
                        List.of("t.yaml:8:11: security must be a mapping, not the value 'jwt' — write it as"
                                + " { schemes: [jwt], scopes: { orders:read: Read orders } }")),
                arguments("unknown scheme, close to a known one", TYPES + """
                        security:
                          schemes: [jwt, mTLS]
                        """,
                        List.of("t.yaml:9:18: security has unknown scheme mTLS — did you mean mtls?")),
                arguments("unknown scheme, nothing close", TYPES + """
                        security:
                          schemes: [basic]
                        """,
                        List.of("t.yaml:9:13: security has unknown scheme basic — use one of jwt, mtls"
                                + " (jwt: an OAuth2 bearer JWT; mtls: a client certificate)")),
                arguments("no schemes", TYPES + """
                        security:
                          scopes: { admin: Everything }
                        """,
                        List.of("t.yaml:9:3: security has no schemes — add schemes: the ways callers authenticate,"
                                + " one or more of jwt, mtls, e.g. schemes: [jwt]")),
                arguments("empty schemes", TYPES + """
                        security:
                          schemes: []
                        """,
                        List.of("t.yaml:9:12: schemes of security is empty, so no caller could authenticate"
                                + " — list one or more of jwt, mtls, e.g. schemes: [jwt]")),
                arguments("scheme listed twice", TYPES + """
                        security:
                          schemes: [jwt, jwt]
                        """,
                        List.of("t.yaml:9:18: schemes of security lists jwt twice — remove the second jwt")),
                arguments("schemes that is not a list", TYPES + """
                        security:
                          schemes: jwt
                        """,
                        List.of("t.yaml:9:12: schemes of security must be a list, not the value 'jwt'"
                                + " — write schemes: [jwt] or schemes: [jwt, mtls]")),
                arguments("unknown key in the section", TYPES + """
                        security:
                          schemes: [jwt]
                          scope: { admin: Everything }
                        """,
                        List.of("t.yaml:10:3: security has unknown key scope — did you mean scopes?")),
                arguments("scope that is not an OAuth2 scope token", TYPES + """
                        security:
                          schemes: [jwt]
                          scopes:
                            orders read: Read orders
                            "say \\"hi\\"": Greet
                        """,
                        List.of("t.yaml:11:5: scope 'orders read' of security is not a valid OAuth2 scope (RFC 6749:"
                                        + " printable ASCII without spaces, double quotes or backslashes)"
                                        + " — write it as one token, e.g. orders:read",
                                "t.yaml:12:5: scope 'say \"hi\"' of security is not a valid OAuth2 scope (RFC 6749:"
                                        + " printable ASCII without spaces, double quotes or backslashes)"
                                        + " — write it as one token, e.g. say:hi:")),
                arguments("scope without a description", TYPES + """
                        security:
                          schemes: [jwt]
                          scopes:
                            orders:read:
                        operations:
                          getOrder: { input: Q, output: Q, scopes: [orders:read] }
                        """,
                        List.of("t.yaml:11:5: scope orders:read of security must say what it grants, not empty"
                                + " — write a short description, e.g. orders:read: Read orders")),
                arguments("scope that is not declared, close to a declared one", SECURED + """
                        operations:
                          getOrder: { input: Q, output: Q, scopes: [orders:raed] }
                        """,
                        List.of("t.yaml:14:45: operation getOrder requires scope orders:raed, which security.scopes"
                                + " does not declare — did you mean orders:read?")),
                arguments("scope that is not declared, nothing close", SECURED + """
                        operations:
                          getOrder:
                            input: Q
                            output: Q
                            scopes: [orders:read, admin]
                        """,
                        List.of("t.yaml:17:27: operation getOrder requires scope admin, which security.scopes"
                                + " does not declare — declare it under security.scopes with what it grants,"
                                + " e.g. admin: <what it grants>")),
                arguments("scope listed twice", SECURED + """
                        operations:
                          getOrder: { input: Q, output: Q, scopes: [orders:read, orders:read] }
                        """,
                        List.of("t.yaml:14:58: operation getOrder lists scope orders:read twice"
                                + " — remove the second orders:read")),
                arguments("scopes together with public: true", SECURED + """
                        operations:
                          health: { input: Q, output: Q, public: true, scopes: [orders:read] }
                        """,
                        List.of("t.yaml:14:56: operation health is public: true but requires scopes, which a caller"
                                + " without credentials cannot hold — remove scopes, or remove public: true"
                                + " so that callers need them")),
                arguments("scopes without a security section", TYPES + """
                        operations:
                          getOrder: { input: Q, output: Q, scopes: [orders:read] }
                        """,
                        List.of("t.yaml:9:44: operation getOrder requires scopes, but the contract has no security"
                                + " section, so no caller is ever asked for them — add a section to the contract"
                                + " that declares them: security: { schemes: [jwt], scopes: { orders:read: Read"
                                + " orders } }")),
                arguments("public without a security section", TYPES + """
                        operations:
                          health: { input: Q, output: Q, public: true }
                        """,
                        List.of("t.yaml:9:42: operation health sets public, but the contract has no security"
                                + " section, so every operation is public already — remove public, or add a section"
                                + " to the contract: security: { schemes: [jwt], scopes: { orders:read: Read"
                                + " orders } }")),
                arguments("public that is not a boolean", SECURED + """
                        operations:
                          health: { input: Q, output: Q, public: yes please }
                        """,
                        List.of("t.yaml:14:42: public of operation health must be true or false, not 'yes please'"
                                + " — write public: true or public: false")),
                arguments("scopes that is not a list", SECURED + """
                        operations:
                          getOrder: { input: Q, output: Q, scopes: orders:read }
                        """,
                        List.of("t.yaml:14:44: scopes of operation getOrder must be a list, not the value"
                                + " 'orders:read' — write scopes: [orders:read]")),
                arguments("every problem at once", TYPES + """
                        security:
                          schemes: [jwt, saml]
                          scopes: { orders:read: Read orders }
                        operations:
                          getOrder: { input: Q, output: Q, scopes: [orders:write] }
                          health: { input: Q, output: Q, public: true, scopes: [] }
                        """,
                        List.of("t.yaml:9:18: security has unknown scheme saml — use one of jwt, mtls"
                                        + " (jwt: an OAuth2 bearer JWT; mtls: a client certificate)",
                                "t.yaml:12:45: operation getOrder requires scope orders:write, which security.scopes"
                                        + " does not declare — declare it under security.scopes with what it"
                                        + " grants, e.g. orders:write: <what it grants>",
                                "t.yaml:13:56: operation health is public: true but requires scopes, which a caller"
                                        + " without credentials cannot hold — remove scopes, or remove public: true"
                                        + " so that callers need them")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void reportsEveryProblemWithItsPositionAndFix(String name, String contract, List<String> expected) {
        assertThat(Contracts.problems(contract)).containsExactlyElementsOf(expected);
    }
}
