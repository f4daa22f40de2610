package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;
import java.util.List;
import java.util.Optional;

/**
 * A validated contract: every name resolves, every tag is legal. Generators read only this.
 *
 * @param formatVersion the {@code switchboard:} format version of the file
 * @param service       PascalCase service name, e.g. {@code Orders}
 * @param javaPackage   Java package of generated code, also the protobuf package
 * @param version       the contract's own version (used by the compatibility check), may be null
 * @param description   free text, may be null
 * @param policies      service-wide policy defaults; {@link Policies#NONE} when not declared
 * @param security      how callers authenticate and which scopes exist; null when the contract has no
 *                      {@code security} section, and then every operation is public
 */
public record ServiceContract(
        int formatVersion,
        String service,
        String javaPackage,
        String version,
        String description,
        Policies policies,
        Security security,
        List<TypeDefinition> types,
        List<ErrorDefinition> errors,
        List<Operation> operations,
        List<MessageDefinition> events,
        List<MessageDefinition> commands,
        Position position) {

    public ServiceContract {
        types = List.copyOf(types);
        errors = List.copyOf(errors);
        operations = List.copyOf(operations);
        events = List.copyOf(events);
        commands = List.copyOf(commands);
    }

    /** Whether the contract has a {@code security} section. */
    public boolean isSecured() {
        return security != null;
    }

    /** Whether anyone may call {@code operation}: the contract has no security section, or it says public. */
    public boolean isPublic(Operation operation) {
        return security == null || operation.isPublic();
    }

    public Optional<TypeDefinition> type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<ErrorDefinition> error(String name) {
        return errors.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The message type of that name; callers use it only after validation proved it exists. */
    public MessageType messageType(String name) {
        return type(name).filter(MessageType.class::isInstance).map(MessageType.class::cast)
                .orElseThrow(() -> new IllegalArgumentException("no message type " + name + " in " + service));
    }

    public List<MessageType> messageTypes() {
        return types.stream().filter(MessageType.class::isInstance).map(MessageType.class::cast).toList();
    }

    public List<EnumType> enumTypes() {
        return types.stream().filter(EnumType.class::isInstance).map(EnumType.class::cast).toList();
    }
}
