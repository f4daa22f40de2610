package dev.switchboard.test;

import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.EnumValue;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TypeDefinition;
import dev.switchboard.contract.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Whether a JSON value is one the contract's type allows, as the generated records would write it: no unknown
 * fields, every non-optional field present, scalars of their JSON kind, enum values by name. Every problem at once.
 */
final class AnswerCheck {

    private final ServiceContract contract;

    AnswerCheck(ServiceContract contract) {
        this.contract = contract;
    }

    List<String> problems(String type, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(new TypeRef.Named(type), value, "", problems);
        return problems;
    }

    private void check(TypeRef type, JsonNode value, String path, List<String> problems) {
        String where = path.isEmpty() ? "the answer" : path;
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (type instanceof TypeRef.Scalar scalar) {
            if (!scalarMatches(scalar.kind(), value)) {
                problems.add(where + " is " + value + ", not a " + scalar.kind().contractName());
            }
        } else if (type instanceof TypeRef.ListOf list) {
            if (!value.isArray()) {
                problems.add(where + " is not a list");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                check(list.element(), value.get(i), path + "[" + i + "]", problems);
            }
        } else if (type instanceof TypeRef.MapOf map) {
            if (!value.isObject()) {
                problems.add(where + " is not a map");
                return;
            }
            value.properties().forEach(entry -> check(map.value(), entry.getValue(), path + "." + entry.getKey(), problems));
        } else if (type instanceof TypeRef.Named named) {
            checkNamed(named.name(), value, path, where, problems);
        }
    }

    private void checkNamed(String name, JsonNode value, String path, String where, List<String> problems) {
        TypeDefinition definition = contract.type(name).orElse(null);
        if (definition instanceof EnumType enumType) {
            Set<String> names = enumType.values().stream().map(EnumValue::name).collect(Collectors.toSet());
            if (!value.isString() || !names.contains(value.asString())) {
                problems.add(where + " is " + value + ", not one of " + name + " " + names);
            }
            return;
        }
        if (!(definition instanceof MessageType message)) {
            return;
        }
        if (!value.isObject()) {
            problems.add(where + " is " + value + ", not a " + name);
            return;
        }
        Map<String, Field> fields = message.fields().stream().collect(Collectors.toMap(Field::name, Function.identity()));
        value.properties().forEach(entry -> {
            if (!fields.containsKey(entry.getKey())) {
                problems.add(prefix(path) + entry.getKey() + " is not a field of " + name);
            }
        });
        for (Field field : message.fields()) {
            JsonNode fieldValue = value.get(field.name());
            boolean absent = fieldValue == null || fieldValue.isNull();
            if (absent && !field.optional() && field.type() instanceof TypeRef.Named) {
                problems.add(prefix(path) + field.name() + " is missing from " + name);
            }
            check(field.type(), fieldValue, prefix(path) + field.name(), problems);
        }
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "" : path + ".";
    }

    private static boolean scalarMatches(ScalarKind kind, JsonNode value) {
        return switch (kind) {
            case BOOL -> value.isBoolean();
            case INT32, UINT32 -> value.isIntegralNumber();
            case INT64, UINT64 -> value.isIntegralNumber() || (value.isString() && value.asString().matches("-?\\d+"));
            case FLOAT, DOUBLE -> value.isNumber();
            case DECIMAL -> value.isNumber() || (value.isString() && value.asString().matches("-?\\d+(\\.\\d+)?"));
            case STRING, BYTES, TIMESTAMP, DURATION -> value.isString();
        };
    }
}
