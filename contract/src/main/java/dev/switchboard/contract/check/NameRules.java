package dev.switchboard.contract.check;

import dev.switchboard.contract.Position;
import dev.switchboard.contract.ProtoNames;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.EnumValue;
import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageDefinition;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TypeDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The service header (service name, Java package, version) and the spelling of every declared name,
 * plus clashes between the Java classes and the protobuf names that names turn into.
 */
final class NameRules {

    private static final Pattern VERSION = Pattern.compile(
            "[0-9]+(\\.[0-9]+){0,2}(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    private final Context context;

    NameRules(Context context) {
        this.context = context;
    }

    void check() {
        ServiceContract contract = context.contract;
        checkHeader(contract);
        for (TypeDefinition type : contract.types()) {
            pascal(type.name(), "type", type.position());
            if (type instanceof MessageType message) {
                fieldNames(message);
            } else {
                enumValueNames((EnumType) type);
            }
        }
        contract.errors().forEach(error -> pascal(error.name(), "error", error.position()));
        contract.operations().forEach(operation -> camel(operation.name(), "operation", operation.position()));
        contract.events().forEach(event -> camel(event.name(), "event", event.position()));
        contract.commands().forEach(command -> camel(command.name(), "command", command.position()));
        checkClassNameClashes(contract);
        checkProtobufScope(contract);
        checkMessageNameClashes(contract);
    }

    private void checkHeader(ServiceContract contract) {
        Position root = contract.position();
        if (contract.service() != null && !Names.isPascal(contract.service())) {
            context.report(context.at(root, "service"), "service name " + contract.service() + " is not PascalCase",
                    "write service: " + Names.toPascal(contract.service()));
        }
        if (contract.javaPackage() != null) {
            checkPackage(contract.javaPackage(), context.at(root, "package"));
        }
        if (contract.version() != null && !VERSION.matcher(contract.version()).matches()) {
            context.report(context.at(root, "version"), "version " + contract.version() + " is not a version number",
                    "write MAJOR.MINOR.PATCH, e.g. version: 1.3.0");
        }
    }

    private void checkPackage(String javaPackage, Position position) {
        if (javaPackage.equals("java") || javaPackage.startsWith("java.")) {
            context.report(position, "package " + javaPackage + " is not a valid Java package: java and its"
                    + " subpackages belong to the JDK, which refuses to load other classes into them",
                    "use a package of your own, e.g. com.example.orders");
            return;
        }
        for (String segment : javaPackage.split("\\.", -1)) {
            String problem = null;
            if (segment.isEmpty()) {
                problem = "it has an empty segment";
            } else if (Names.JAVA_RESERVED.contains(segment)) {
                problem = segment + " is a Java keyword";
            } else if (!Names.PACKAGE_SEGMENT.matcher(segment).matches()) {
                problem = "segment " + segment + " is not a lowercase identifier";
            }
            if (problem != null) {
                context.report(position, "package " + javaPackage + " is not a valid Java package: " + problem,
                        "write dot-separated lowercase identifiers that are not Java keywords, e.g. com.example.orders");
                return;
            }
        }
    }

    /** camelCase, and distinct in the .proto, where {@code customerId} and {@code customerID} are both customer_id. */
    private void fieldNames(MessageType message) {
        Map<String, Field> byProtoName = new HashMap<>();
        for (Field field : message.fields()) {
            if (!Names.isCamel(field.name())) {
                context.report(field.position(), "field name " + message.name() + "." + field.name()
                        + " is not camelCase", "write " + Names.toCamel(field.name()));
                continue;
            }
            String protoName = ProtoNames.fieldName(field.name());
            Field first = byProtoName.putIfAbsent(protoName, field);
            if (first != null) {
                context.report(field.position(), "field " + message.name() + "." + field.name() + " is " + protoName
                        + " in protobuf, as is " + message.name() + "." + first.name(), "rename one of them");
            }
        }
    }

    private void enumValueNames(EnumType type) {
        for (EnumValue value : type.values()) {
            String qualified = type.name() + "." + value.name();
            if (value.name().equals(EnumType.UNSPECIFIED)) {
                context.report(value.position(), "enum value " + qualified
                        + " is implicit: every enum has UNSPECIFIED = 0", "remove it");
            } else if (value.name().equals("UNRECOGNIZED")) {
                context.report(value.position(), "enum value " + qualified
                        + " is reserved for numbers this version does not know", "choose another name");
            } else if (!Names.UPPER_SNAKE.matcher(value.name()).matches()) {
                context.report(value.position(), "enum value " + qualified + " is not UPPER_SNAKE_CASE",
                        "write " + Names.toUpperSnake(value.name()));
            }
        }
    }

    private void pascal(String name, String kind, Position position) {
        if (!Names.isPascal(name)) {
            context.report(position, kind + " name " + name + " is not PascalCase", "write " + Names.toPascal(name));
        }
    }

    private void camel(String name, String kind, Position position) {
        if (!Names.isCamel(name)) {
            context.report(position, kind + " name " + name + " is not camelCase", "write " + Names.toCamel(name));
        }
    }

    /** Types, error exceptions and the service's own interfaces all become classes of one package. */
    private void checkClassNameClashes(ServiceContract contract) {
        record JavaClass(String name, String declaredBy, String describedAs, Position position) {}
        List<JavaClass> declared = new ArrayList<>();
        for (TypeDefinition type : contract.types()) {
            declared.add(new JavaClass(type.name(), "type " + type.name(), "type " + type.name(), type.position()));
        }
        for (ErrorDefinition error : contract.errors()) {
            String exception = error.name() + "Exception";
            declared.add(new JavaClass(exception, "error " + error.name() + " generates class " + exception + ", which",
                    "class " + exception + " generated for error " + error.name(), error.position()));
        }
        declared.sort(Comparator.comparingInt((JavaClass c) -> c.position().line())
                .thenComparingInt(c -> c.position().column()));
        // Keyed by lower case: class files that differ only in case overwrite each other on macOS and Windows.
        Map<String, JavaClass> taken = new HashMap<>();
        if (contract.service() != null) {
            for (String suffix : List.of("Service", "Client")) {
                String name = contract.service() + suffix;
                String describedAs = "the generated " + suffix.toLowerCase(Locale.ROOT) + " interface " + name;
                taken.put(name.toLowerCase(Locale.ROOT), new JavaClass(name, null, describedAs, contract.position()));
            }
        }
        for (JavaClass javaClass : declared) {
            JavaClass first = taken.putIfAbsent(javaClass.name().toLowerCase(Locale.ROOT), javaClass);
            String rename = "rename " + javaClass.declaredBy().replaceFirst(" generates.*", "");
            if (first != null && first.name().equals(javaClass.name())) {
                context.report(javaClass.position(), javaClass.declaredBy() + " clashes with " + first.describedAs(),
                        rename);
            } else if (first != null) {
                context.report(javaClass.position(), javaClass.declaredBy() + " differs from " + first.describedAs()
                        + " only in letter case, so their source files would overwrite each other on a"
                        + " case-insensitive file system (macOS, Windows)", rename);
            }
        }
    }

    /**
     * The exported .proto declares every type, the service and every enum value in one package
     * scope: enum values are prefixed with their enum's name there, and are siblings of their enum,
     * not children, so {@code Order.STATUS_X} and {@code OrderStatus.X} are both ORDER_STATUS_X.
     */
    private void checkProtobufScope(ServiceContract contract) {
        if (contract.service() != null && !contract.operations().isEmpty()) {
            contract.type(contract.service()).ifPresent(type -> context.report(type.position(), "type "
                    + type.name() + " has the name of the service, and protobuf declares the service and its"
                    + " types side by side in one package", "rename type " + type.name()));
        }
        Map<String, String> protoNames = new HashMap<>();
        for (EnumType type : contract.enumTypes()) {
            protoNames.putIfAbsent(ProtoNames.enumPrefix(type.name()) + "_" + EnumType.UNSPECIFIED,
                    "the implicit " + type.name() + "." + EnumType.UNSPECIFIED);
        }
        for (EnumType type : contract.enumTypes()) {
            for (EnumValue value : type.values()) {
                String protoName = ProtoNames.enumPrefix(type.name()) + "_" + value.name();
                String qualified = type.name() + "." + value.name();
                String first = protoNames.putIfAbsent(protoName, qualified);
                if (first != null && !value.name().equals(EnumType.UNSPECIFIED)) {
                    context.report(value.position(), "enum value " + qualified + " is " + protoName
                                    + " in protobuf, as is " + first + ": protobuf enum values share one scope",
                            "rename " + qualified);
                }
            }
        }
    }

    /** An event and a command of one name would generate handlers and publisher methods of one name. */
    private void checkMessageNameClashes(ServiceContract contract) {
        Map<String, MessageDefinition> events = new HashMap<>();
        contract.events().forEach(e -> events.putIfAbsent(e.name(), e));
        for (MessageDefinition command : contract.commands()) {
            if (events.containsKey(command.name())) {
                context.report(command.position(), "command " + command.name()
                        + " has the same name as event " + command.name(), "rename one of them");
            }
        }
    }
}
