package dev.switchboard.contract.check;

import dev.switchboard.contract.Position;
import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.read.Suggestions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Operations: inputs and outputs are message types, listed errors exist, REST mappings hold, policies are sane. */
final class OperationRules {

    private final Context context;
    private final HttpRules httpRules;
    private final PolicyRules policyRules;

    OperationRules(Context context, PolicyRules policyRules) {
        this.context = context;
        this.httpRules = new HttpRules(context);
        this.policyRules = policyRules;
    }

    void check(Operation operation) {
        String owner = "operation " + operation.name();
        MessageType input = null;
        if (operation.input() != null) {
            input = MessageRefs.resolve(context, operation.input(), owner, "input", at(operation, "input"));
        }
        if (operation.output() != null) {
            MessageRefs.resolve(context, operation.output(), owner, "output", at(operation, "output"));
        }
        checkErrors(operation, owner);
        if (operation.http() != null) {
            httpRules.check(operation, operation.input() == null ? null : input);
        }
        policyRules.check(operation.policies(), owner, "operations", operation.name());
        policyRules.checkEffective(context.contract.policies(), operation.policies(), owner, "operations", operation.name());
    }

    private void checkErrors(Operation operation, String owner) {
        List<String> declared = context.contract.errors().stream().map(ErrorDefinition::name).toList();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < operation.errors().size(); i++) {
            String error = operation.errors().get(i);
            Position position = context.at(operation.position(), "operations", operation.name(), "errors",
                    Integer.toString(i));
            if (!declared.contains(error)) {
                context.report(position, owner + " lists error " + error + ", which is not declared",
                        Suggestions.didYouMean(error, declared, "declare " + error + " under errors"));
            } else if (!seen.add(error)) {
                context.report(position, owner + " lists error " + error + " twice", "remove the second " + error);
            }
        }
    }

    private Position at(Operation operation, String key) {
        return context.at(operation.position(), "operations", operation.name(), key);
    }
}
