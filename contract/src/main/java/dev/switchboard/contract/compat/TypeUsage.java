package dev.switchboard.contract.compat;

import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageDefinition;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TypeRef;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who sees each type: gRPC callers see every operation's types, REST callers those of operations
 * with an HTTP binding, consumers those of events and commands, each through nested fields too.
 */
final class TypeUsage {

    private final ServiceContract contract;
    private final Map<String, Set<Audience>> audiences = new HashMap<>();

    TypeUsage(ServiceContract contract) {
        this.contract = contract;
        for (Operation operation : contract.operations()) {
            mark(operation.input(), Audience.GRPC);
            mark(operation.output(), Audience.GRPC);
            if (operation.http() != null) {
                mark(operation.input(), Audience.REST);
                mark(operation.output(), Audience.REST);
            }
        }
        for (MessageDefinition message : contract.events()) {
            mark(message.payload(), Audience.EVENTS);
        }
        for (MessageDefinition message : contract.commands()) {
            mark(message.payload(), Audience.EVENTS);
        }
    }

    /** Who sees {@code type}; a type nobody uses still matters to the exported .proto, so gRPC at least. */
    Set<Audience> of(String type) {
        Set<Audience> seen = audiences.get(type);
        return seen == null || seen.isEmpty() ? Set.of(Audience.GRPC) : seen;
    }

    private void mark(String type, Audience audience) {
        Set<Audience> seen = audiences.computeIfAbsent(type, name -> EnumSet.noneOf(Audience.class));
        if (!seen.add(audience)) {
            return;
        }
        if (contract.type(type).orElse(null) instanceof MessageType message) {
            for (Field field : message.fields()) {
                markRef(field.type(), audience);
            }
        }
    }

    private void markRef(TypeRef ref, Audience audience) {
        if (ref instanceof TypeRef.Named named) {
            mark(named.name(), audience);
        } else if (ref instanceof TypeRef.ListOf list) {
            markRef(list.element(), audience);
        } else if (ref instanceof TypeRef.MapOf map) {
            markRef(map.value(), audience);
        }
    }
}
