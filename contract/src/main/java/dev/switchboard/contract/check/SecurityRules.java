package dev.switchboard.contract.check;

import dev.switchboard.contract.Position;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.Security;
import dev.switchboard.contract.read.Suggestions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may call each operation: {@code public} and {@code scopes} only mean something with a
 * {@code security} section, a public operation requires nothing, and every required scope is one
 * the section declares. The section itself (schemes, scope names) is checked by the reader.
 */
final class SecurityRules {

    private static final String SECTION_EXAMPLE = "security: { schemes: [jwt], scopes: { orders:read: Read orders } }";

    private final Context context;

    SecurityRules(Context context) {
        this.context = context;
    }

    void check(Operation operation) {
        String owner = "operation " + operation.name();
        Position isPublic = written(operation, "public");
        Position scopes = written(operation, "scopes");
        Security security = context.contract.security();
        if (security == null && context.at(null, "security") != null) {
            return; // written, but not as a mapping: reported by the reader; more would only repeat it
        }
        if (security == null) {
            if (isPublic != null) {
                context.report(isPublic, owner + " sets public, but the contract has no security section,"
                        + " so every operation is public already", "remove public, or add a section to the contract: "
                        + SECTION_EXAMPLE);
            }
            if (scopes != null) {
                context.report(scopes, owner + " requires scopes, but the contract has no security section,"
                        + " so no caller is ever asked for them", "add a section to the contract that declares them: "
                        + SECTION_EXAMPLE);
            }
            return;
        }
        if (operation.isPublic() && scopes != null) {
            context.report(scopes, owner + " is public: true but requires scopes, which a caller without"
                    + " credentials cannot hold", "remove scopes, or remove public: true so that callers need them");
            return;
        }
        checkScopes(operation, owner, List.copyOf(security.scopes().keySet()));
    }

    private void checkScopes(Operation operation, String owner, List<String> declared) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < operation.scopes().size(); i++) {
            String scope = operation.scopes().get(i);
            Position position = context.at(operation.position(), "operations", operation.name(), "scopes",
                    Integer.toString(i));
            if (!declared.contains(scope)) {
                context.report(position, owner + " requires scope " + scope
                        + ", which security.scopes does not declare", Suggestions.didYouMean(scope, declared,
                        "declare it under security.scopes with what it grants, e.g. " + scope + ": <what it grants>"));
            } else if (!seen.add(scope)) {
                context.report(position, owner + " lists scope " + scope + " twice", "remove the second " + scope);
            }
        }
    }

    /** Where {@code key} of the operation was written, or null when it was not. */
    private Position written(Operation operation, String key) {
        return context.at(null, "operations", operation.name(), key);
    }
}
