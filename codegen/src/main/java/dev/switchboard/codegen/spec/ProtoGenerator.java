package dev.switchboard.codegen.spec;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.contract.ProtoNames;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.EnumValue;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TagRange;
import dev.switchboard.contract.model.TypeDefinition;
import dev.switchboard.contract.model.TypeRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Exports the contract as a proto3 file, for other languages and gRPC reflection. Field numbers are
 * the contract tags, so the generated Java codecs and protoc-generated code share one wire format.
 * Written by hand: the format is small, and the text reads like a person wrote it.
 */
public final class ProtoGenerator implements OutputGenerator {

    private static final String INDENT = "  ";

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.has(Role.SERVER);
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        ProtoTypes types = new ProtoTypes(contract);
        StringBuilder out = new StringBuilder();
        out.append("// ").append(SpecFiles.header(input)).append('\n');
        out.append("syntax = \"proto3\";\n\n");
        out.append("package ").append(contract.javaPackage()).append(";\n\n");
        List<String> imports = types.imports();
        for (String file : imports) {
            out.append("import \"").append(file).append("\";\n");
        }
        if (!imports.isEmpty()) {
            out.append('\n');
        }
        out.append("option java_multiple_files = true;\n");
        out.append("option java_package = \"").append(contract.javaPackage()).append(".protobuf\";\n");
        for (TypeDefinition type : contract.types()) {
            out.append('\n');
            if (type instanceof MessageType message) {
                message(out, message, types);
            } else {
                enumeration(out, (EnumType) type);
            }
        }
        if (!contract.operations().isEmpty()) {
            out.append('\n');
            service(out, contract);
        }
        return List.of(SpecFiles.resource(input, ProtoNames.fileName(contract.service()), out.toString()));
    }

    private static void message(StringBuilder out, MessageType message, ProtoTypes types) {
        comment(out, "", message.doc());
        out.append("message ").append(message.name()).append(" {\n");
        reserved(out, message.reserved(), !message.fields().isEmpty());
        for (Field field : message.fields()) {
            comment(out, INDENT, field.doc());
            out.append(INDENT).append(types.declaration(field))
                    .append(' ').append(ProtoNames.fieldName(field.name()))
                    .append(" = ").append(field.tag()).append(";\n");
        }
        out.append("}\n");
    }

    private static void enumeration(StringBuilder out, EnumType enumType) {
        comment(out, "", enumType.doc());
        out.append("enum ").append(enumType.name()).append(" {\n");
        reserved(out, enumType.reserved(), true);
        out.append(INDENT).append(ProtoNames.enumValue(enumType.name(), EnumType.UNSPECIFIED)).append(" = 0;\n");
        for (EnumValue value : enumType.values()) {
            comment(out, INDENT, value.doc());
            out.append(INDENT).append(ProtoNames.enumValue(enumType.name(), value.name()))
                    .append(" = ").append(value.number()).append(";\n");
        }
        out.append("}\n");
    }

    private static void service(StringBuilder out, ServiceContract contract) {
        comment(out, "", paragraphs(contract.description(), serviceAccess(contract)));
        out.append("service ").append(contract.service()).append(" {\n");
        Set<String> methods = contract.operations().stream()
                .map(operation -> ProtoNames.methodName(operation.name()))
                .collect(Collectors.toSet());
        for (Operation operation : contract.operations()) {
            comment(out, INDENT, paragraphs(operation.doc(), access(contract, operation)));
            out.append(INDENT).append("rpc ").append(ProtoNames.methodName(operation.name()))
                    .append('(').append(operation.inputStream() ? "stream " : "")
                    .append(messageReference(contract, operation.input(), methods))
                    .append(") returns (").append(operation.outputStream() ? "stream " : "")
                    .append(messageReference(contract, operation.output(), methods))
                    .append(");\n");
        }
        out.append("}\n");
    }

    /** How callers authenticate, for the service comment; null without a security section. */
    private static String serviceAccess(ServiceContract contract) {
        if (!contract.isSecured()) {
            return null;
        }
        String schemes = contract.security().schemes().stream()
                .map(scheme -> scheme.spelling() + ", " + scheme.meaning())
                .collect(Collectors.joining("; "));
        return "Callers authenticate with one of: " + schemes + ".\n"
                + "Every rpc needs an authenticated caller (else UNAUTHENTICATED) unless it says it is public.";
    }

    /** Who may call an rpc, for its comment; null without a security section. */
    private static String access(ServiceContract contract, Operation operation) {
        if (!contract.isSecured()) {
            return null;
        }
        if (contract.isPublic(operation)) {
            return "Public: no credentials needed.";
        }
        return operation.scopes().isEmpty() ? "Any authenticated caller."
                : "Requires scopes: " + String.join(", ", operation.scopes()) + " (else PERMISSION_DENIED).";
    }

    /** The texts that are present, a blank comment line apart. */
    private static String paragraphs(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        return second == null ? first : first.strip() + "\n\n" + second;
    }

    /**
     * A message type as an rpc names it. protoc looks names up in the service first, so a message
     * named like one of its methods ({@code rpc Ping(Ping)}) is written in full, with a leading dot.
     */
    private static String messageReference(ServiceContract contract, String typeName, Set<String> methods) {
        return methods.contains(typeName) ? "." + contract.javaPackage() + "." + typeName : typeName;
    }

    /** {@code reserved 9, 10, 20 to 29;} followed by a blank line when more lines follow. */
    private static void reserved(StringBuilder out, List<TagRange> ranges, boolean moreFollows) {
        if (ranges.isEmpty()) {
            return;
        }
        String list = ranges.stream()
                .map(r -> r.from() == r.to() ? Integer.toString(r.from()) : r.from() + " to " + r.to())
                .collect(Collectors.joining(", "));
        out.append(INDENT).append("reserved ").append(list).append(";\n");
        if (moreFollows) {
            out.append('\n');
        }
    }

    private static void comment(StringBuilder out, String indent, String doc) {
        if (doc == null || doc.isBlank()) {
            return;
        }
        for (String line : doc.strip().split("\\R")) {
            out.append(indent).append("//");
            if (!line.isBlank()) {
                out.append(' ').append(line.stripTrailing());
            }
            out.append('\n');
        }
    }

    /** Proto spellings of contract types, and the well-known imports they need. */
    private record ProtoTypes(ServiceContract contract) {

        List<String> imports() {
            List<String> files = new ArrayList<>();
            if (uses(ScalarKind.DURATION)) {
                files.add("google/protobuf/duration.proto");
            }
            if (uses(ScalarKind.TIMESTAMP)) {
                files.add("google/protobuf/timestamp.proto");
            }
            return files;
        }

        private boolean uses(ScalarKind kind) {
            return contract.messageTypes().stream()
                    .flatMap(m -> m.fields().stream())
                    .anyMatch(f -> mentions(f.type(), kind));
        }

        private static boolean mentions(TypeRef type, ScalarKind kind) {
            if (type instanceof TypeRef.ListOf list) {
                return mentions(list.element(), kind);
            }
            if (type instanceof TypeRef.MapOf map) {
                return mentions(map.key(), kind) || mentions(map.value(), kind);
            }
            return type instanceof TypeRef.Scalar scalar && scalar.kind() == kind;
        }

        /** The type part of a field declaration, with its label: {@code optional string}, {@code repeated Item}. */
        String declaration(Field field) {
            TypeRef type = field.type();
            if (type instanceof TypeRef.ListOf list) {
                return "repeated " + single(list.element(), field);
            }
            if (type instanceof TypeRef.MapOf map) {
                return "map<" + single(map.key(), field) + ", " + single(map.value(), field) + ">";
            }
            return (field.optional() && hasOptionalKeyword(type) ? "optional " : "") + single(type, field);
        }

        private String single(TypeRef type, Field field) {
            if (type instanceof TypeRef.Scalar scalar) {
                return scalar(scalar.kind());
            }
            if (type instanceof TypeRef.Named named) {
                return named.name();
            }
            throw unsupported(field);
        }

        private String scalar(ScalarKind kind) {
            return switch (kind) {
                case TIMESTAMP -> wellKnownPrefix() + "google.protobuf.Timestamp";
                case DURATION -> wellKnownPrefix() + "google.protobuf.Duration";
                case DECIMAL -> "string";
                default -> kind.contractName();
            };
        }

        /**
         * protoc resolves {@code google.protobuf.Timestamp} from the innermost scope out, so in a
         * package such as {@code com.example.google} it would look inside that package: there the
         * well-known types are written from the root, with a leading dot.
         */
        private String wellKnownPrefix() {
            List<String> segments = Arrays.asList(contract.javaPackage().split("\\."));
            return segments.subList(1, segments.size()).contains("google") ? "." : "";
        }

        /**
         * Whether proto3 needs {@code optional} for presence: message-typed fields (named messages,
         * Timestamp, Duration) have presence already.
         */
        private boolean hasOptionalKeyword(TypeRef type) {
            if (type instanceof TypeRef.Scalar scalar) {
                return scalar.kind() != ScalarKind.TIMESTAMP && scalar.kind() != ScalarKind.DURATION;
            }
            return type instanceof TypeRef.Named named && contract.type(named.name()).orElse(null) instanceof EnumType;
        }

        private static IllegalArgumentException unsupported(Field field) {
            return new IllegalArgumentException("field " + field.name() + " at " + field.position()
                    + ": protobuf cannot express " + field.type().spelling()
                    + "; a list or map may not hold another list or map");
        }
    }
}
