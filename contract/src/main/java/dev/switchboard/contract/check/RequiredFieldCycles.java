package dev.switchboard.contract.check;

import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A required (non-optional, singular) message field must be present for its message to be valid.
 * When such fields lead from a type back to itself, every valid value would have to contain another
 * value of its own type without end, so no value is valid: the contract is unusable as written.
 * Lists, maps and optional fields may be empty, so they end a chain.
 */
final class RequiredFieldCycles {

    private final Context context;

    RequiredFieldCycles(Context context) {
        this.context = context;
    }

    /** Reports each cycle once, at the first field on it of the first-declared type on it. */
    void check(List<MessageType> types) {
        Set<String> reported = new HashSet<>();
        for (MessageType type : types) {
            for (Field field : type.fields()) {
                if (reported.contains(type.name())) {
                    break;
                }
                List<String> cycle = pathBack(type.name(), type.name(), field, new ArrayList<>(), new HashSet<>());
                if (cycle != null) {
                    cycle.forEach(step -> reported.add(step.substring(0, step.indexOf('.'))));
                    context.report(field.position(), "field " + type.name() + "." + field.name() + " is required and"
                                    + " leads back to " + type.name() + " through required fields ("
                                    + String.join(" → ", cycle) + " → " + type.name() + "), so no value of "
                                    + type.name() + " is valid: each would have to hold another without end",
                            "make one of these fields optional: true");
                }
            }
        }
    }

    /**
     * The required fields, as {@code Type.field}, from {@code field} of {@code owner} back to
     * {@code start}, or null when there is no such path.
     */
    private List<String> pathBack(String start, String owner, Field field, List<String> path, Set<String> visited) {
        String target = requiredType(field);
        if (target == null) {
            return null;
        }
        path.add(owner + "." + field.name());
        if (target.equals(start)) {
            return path;
        }
        if (visited.add(target)) {
            for (Field next : context.messageType(target).fields()) {
                List<String> found = pathBack(start, target, next, path, visited);
                if (found != null) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    /** The message type a field requires, or null when it may be absent or holds no message. */
    private String requiredType(Field field) {
        if (field.optional() || !(field.type() instanceof TypeRef.Named named)) {
            return null;
        }
        return context.messageType(named.name()) != null ? named.name() : null;
    }
}
