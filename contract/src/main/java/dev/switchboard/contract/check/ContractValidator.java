package dev.switchboard.contract.check;

import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TypeDefinition;
import dev.switchboard.contract.read.Locations;
import dev.switchboard.contract.read.Problems;

/**
 * Checks the semantic rules of a read contract: names, wire numbers, type references, constraints,
 * errors, REST mappings, who may call each operation, messages and policies. Reports into the same
 * {@link Problems} as the reader, pointing at the most precise value through {@link Locations}.
 */
public final class ContractValidator {

    private final Context context;

    public ContractValidator(ServiceContract contract, Locations locations, Problems problems) {
        this.context = new Context(contract, locations, problems);
    }

    public void validate() {
        ServiceContract contract = context.contract;
        new NameRules(context).check();
        TagRules tagRules = new TagRules(context);
        FieldRules fieldRules = new FieldRules(context);
        for (TypeDefinition type : contract.types()) {
            tagRules.check(type);
            if (type instanceof MessageType message) {
                fieldRules.check(message);
            }
        }
        new RequiredFieldCycles(context).check(contract.messageTypes());
        ErrorRules errorRules = new ErrorRules(context);
        contract.errors().forEach(errorRules::check);
        PolicyRules policyRules = new PolicyRules(context);
        policyRules.check(contract.policies(), "policies", "policies");
        OperationRules operationRules = new OperationRules(context, policyRules);
        contract.operations().forEach(operationRules::check);
        SecurityRules securityRules = new SecurityRules(context);
        contract.operations().forEach(securityRules::check);
        MessageRules messageRules = new MessageRules(context, policyRules);
        contract.events().forEach(messageRules::check);
        contract.commands().forEach(messageRules::check);
    }
}
