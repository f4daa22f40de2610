package dev.switchboard.contract.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.contract.ContractLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Security changes: whatever refuses a caller the baseline accepted breaks it; accepting more does not. */
class SecurityCompatTest {

    static final String TYPES = """
            switchboard: 1
            service: Orders
            package: com.example.orders
            types:
              Q:
                fields:
                  id: { type: string, tag: 1 }
            """;

    /** The secured baseline; each case edits one line of it. */
    static final String BASELINE = TYPES + """
            security:
              schemes: [jwt, mtls]
              scopes:
                orders:read: Read orders
                orders:write: Place and cancel orders
            operations:
              getOrder:
                input: Q
                output: Q
                http: GET /orders/{id}
                scopes: [orders:read]
              placeOrder: { input: Q, output: Q }
              health: { input: Q, output: Q, public: true }
            """;

    static final String UNSECURED = TYPES + """
            operations:
              getOrder:
                input: Q
                output: Q
                http: GET /orders/{id}
              health: { input: Q, output: Q }
            """;

    private static CompatReport compare(String baseline, String current) {
        return CompatibilityChecker.compare(ContractLoader.parse("baseline.yaml", baseline),
                ContractLoader.parse("service.yaml", current));
    }

    private static CompatReport edit(String from, String to) {
        String changed = BASELINE.replace(from, to);
        assertThat(changed).as("the edit applies").isNotEqualTo(BASELINE);
        return compare(BASELINE, changed);
    }

    static Stream<Arguments> breakingChanges() {
        return Stream.of(
                Arguments.of("scopes: [orders:read]", "scopes: [orders:read, orders:write]",
                        "scope-required", "operation getOrder", Set.of(Audience.GRPC, Audience.REST)),
                Arguments.of("placeOrder: { input: Q, output: Q }",
                        "placeOrder: { input: Q, output: Q, scopes: [orders:write] }",
                        "scope-required", "operation placeOrder", Set.of(Audience.GRPC)),
                Arguments.of("health: { input: Q, output: Q, public: true }", "health: { input: Q, output: Q }",
                        "operation-secured", "operation health", Set.of(Audience.GRPC)),
                Arguments.of("schemes: [jwt, mtls]", "schemes: [jwt]",
                        "scheme-removed", "security", Set.of(Audience.GRPC, Audience.REST)));
    }

    @ParameterizedTest(name = "{2}: {1}")
    @MethodSource("breakingChanges")
    void breaks(String from, String to, String rule, String subject, Set<Audience> affects) {
        CompatReport report = edit(from, to);
        assertThat(report.breaking()).extracting(CompatFinding::rule, CompatFinding::subject, CompatFinding::affects)
                .containsExactly(tuple(rule, subject, affects));
    }

    static Stream<Arguments> compatibleChanges() {
        return Stream.of(
                Arguments.of("    scopes: [orders:read]\n", "", "scope-dropped", "operation getOrder"),
                Arguments.of("placeOrder: { input: Q, output: Q }", "placeOrder: { input: Q, output: Q, public: true }",
                        "operation-made-public", "operation placeOrder"));
    }

    @ParameterizedTest(name = "{2}: {1}")
    @MethodSource("compatibleChanges")
    void isCompatible(String from, String to, String rule, String subject) {
        CompatReport report = edit(from, to);
        assertThat(report.hasBreaking()).as(report.toString()).isFalse();
        assertThat(report.compatible()).extracting(CompatFinding::rule, CompatFinding::subject)
                .containsExactly(tuple(rule, subject));
    }

    @Test
    void aNewSecuritySectionBreaksEveryCallerOfAnOperationThatNeedsCredentialsNow() {
        String secured = UNSECURED.replace("operations:", """
                security:
                  schemes: [jwt]
                operations:""");
        CompatReport report = compare(UNSECURED, secured);
        assertThat(report.findings()).hasSize(1);
        CompatFinding finding = report.breaking().get(0);
        assertThat(finding.rule()).isEqualTo("security-added");
        assertThat(finding.reason()).isEqualTo(
                "callers without credentials are now refused (UNAUTHENTICATED) by getOrder, health");
        assertThat(finding.affects()).containsExactlyInAnyOrder(Audience.GRPC, Audience.REST);
        assertThat(finding.toString()).startsWith("service.yaml:9:3: BREAKING security-added security: ");
    }

    @Test
    void aNewSecuritySectionThatKeepsEveryExistingOperationPublicIsCompatible() {
        String secured = UNSECURED.replace("operations:", """
                security:
                  schemes: [jwt]
                operations:""").replace("http: GET /orders/{id}", "http: GET /orders/{id}\n    public: true")
                .replace("{ input: Q, output: Q }", "{ input: Q, output: Q, public: true }")
                + "  newSecret: { input: Q, output: Q }\n";
        CompatReport report = compare(UNSECURED, secured);
        assertThat(report.hasBreaking()).as(report.toString()).isFalse();
        assertThat(report.compatible()).extracting(CompatFinding::rule)
                .containsExactlyInAnyOrder("security-added", "operation-added");
    }

    @Test
    void removingTheSectionOrAddingASchemeAcceptsMoreCallers() {
        CompatReport removed = compare(BASELINE, UNSECURED);
        assertThat(removed.breaking()).extracting(CompatFinding::rule).containsExactly("operation-removed");
        assertThat(removed.compatible()).extracting(CompatFinding::rule).containsExactly("security-removed");

        String jwtOnly = BASELINE.replace("schemes: [jwt, mtls]", "schemes: [jwt]");
        CompatReport added = compare(jwtOnly, BASELINE);
        assertThat(added.hasBreaking()).isFalse();
        assertThat(added.compatible()).extracting(CompatFinding::rule, CompatFinding::reason)
                .containsExactly(tuple("scheme-added", "callers may now also authenticate with mtls"));
    }

    @Test
    void anUnchangedSectionFindsNothing() {
        assertThat(compare(BASELINE, BASELINE).findings()).isEmpty();
    }
}
