package dev.switchboard.codegen.spec;

import static dev.switchboard.codegen.spec.YamlDocument.map;

import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.Security;
import dev.switchboard.contract.model.Security.Scheme;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The contract's {@code security} section in OpenAPI 3.1 terms. {@code jwt} is an HTTP bearer
 * scheme with {@code bearerFormat: JWT}, not {@code oauth2}: an oauth2 scheme must name a flow and
 * its token URL, which belong to the deployment's authorization server, not to the contract, and a
 * made-up URL would send generated clients to the wrong place. OpenAPI 3.1 lets the requirement of
 * any scheme type list role names, so each operation still lists the scopes it requires, and the
 * bearer scheme's description lists every declared scope with what it grants. {@code mtls} is a
 * {@code mutualTLS} scheme. A secured operation lists each scheme as an alternative with the same
 * scopes; a public one has {@code security: []}. Contracts without the section get none of this.
 */
final class OpenApiSecurity {

    private final ServiceContract contract;

    OpenApiSecurity(ServiceContract contract) {
        this.contract = contract;
    }

    /** {@code components.securitySchemes}, named as in the contract; null without a security section. */
    Map<String, Object> schemes() {
        Security security = contract.security();
        if (security == null) {
            return null;
        }
        Map<String, Object> schemes = new LinkedHashMap<>();
        for (Scheme scheme : security.schemes()) {
            schemes.put(scheme.spelling(), switch (scheme) {
                case JWT -> map(
                        "type", "http",
                        "scheme", "bearer",
                        "bearerFormat", "JWT",
                        "description", "An OAuth2 bearer JWT, validated as a resource server; its scope (or scp)"
                                + " claim grants the scopes operations require." + scopeList(security));
                case MTLS -> map(
                        "type", "mutualTLS",
                        "description", "A client certificate presented in the TLS handshake (mutual TLS)."
                                + " Operations that require scopes need them granted to the certificate's subject.");
            });
        }
        return schemes;
    }

    /**
     * The operation's {@code security}: each scheme with the scopes it must carry, any one of them
     * enough; {@code []} when public; null without a security section.
     */
    List<Object> requirement(Operation operation) {
        if (!contract.isSecured()) {
            return null;
        }
        List<Object> alternatives = new ArrayList<>();
        if (!contract.isPublic(operation)) {
            for (Scheme scheme : contract.security().schemes()) {
                alternatives.add(map(scheme.spelling(), operation.scopes()));
            }
        }
        return alternatives;
    }

    /** The problem responses the pipeline answers a refused caller with, by HTTP status. */
    Map<Integer, String> refusals(Operation operation) {
        Map<Integer, String> refusals = new LinkedHashMap<>();
        if (contract.isPublic(operation)) {
            return refusals;
        }
        refusals.put(401, "No credentials, or credentials that are not valid (UNAUTHENTICATED).");
        if (!operation.scopes().isEmpty()) {
            refusals.put(403, "The caller does not hold every required scope: "
                    + String.join(", ", operation.scopes()) + " (PERMISSION_DENIED).");
        }
        return refusals;
    }

    private static String scopeList(Security security) {
        if (security.scopes().isEmpty()) {
            return "";
        }
        return " Scopes: " + security.scopes().entrySet().stream()
                .map(scope -> scope.getKey() + " (" + scope.getValue() + ")")
                .collect(Collectors.joining("; ")) + ".";
    }
}
