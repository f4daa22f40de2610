package dev.switchboard.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.TypeRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * One immutable record per contract message type, for every role: components in field order, a
 * compact constructor that replaces null with the field's default, JSON annotations, validation,
 * and a builder when the type has many fields.
 */
public final class RecordGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return true;
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        JavaTypes types = new JavaTypes(input.contract());
        return input.contract().messageTypes().stream()
                .map(type -> JavaFiles.source(input, record(input, type, types)))
                .toList();
    }

    private static TypeSpec.Builder record(ContractInput input, MessageType type, JavaTypes types) {
        ClassName name = JavaNames.type(input.contract(), type.name());
        ValidationMethod validation = new ValidationMethod(type, types);
        TypeSpec.Builder record = TypeSpec.recordBuilder(name)
                .addJavadoc(javadoc(type))
                .addAnnotations(JsonAnnotations.onRecord())
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(RuntimeTypes.VALIDATABLE)
                .recordConstructor(compactConstructor(type, types))
                .addMethod(knownFieldsConstructor(type, types))
                .addFields(validation.patternConstants());
        RecordBuilder builder = new RecordBuilder(type, types, name, JavaNames.builder(input.contract(), name));
        if (RecordBuilder.wanted(type)) {
            record.addMethods(builder.recordMethods());
        }
        record.addMethod(validation.method());
        if (RecordBuilder.wanted(type)) {
            record.addType(builder.builderType().toBuilder().addAnnotation(JavaFiles.generated(input)).build());
        }
        return record;
    }

    /** The components, and the statements that give null components their defaults. */
    private static MethodSpec compactConstructor(MessageType type, JavaTypes types) {
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        for (Field field : type.fields()) {
            String name = JavaNames.component(field);
            constructor.addParameter(ParameterSpec.builder(types.of(field), name)
                    .addAnnotations(JsonAnnotations.onComponent(field, types))
                    .build());
            defaultFor(field, types).ifPresent(value -> constructor.addStatement("$L = $L", name, value));
        }
        constructor.addParameter(ParameterSpec.builder(RuntimeTypes.UNKNOWN_FIELDS, JavaNames.UNKNOWN_FIELDS)
                .addAnnotation(RuntimeTypes.JSON_IGNORE)
                .build());
        constructor.addStatement("$L = $T.requireNonNullElse($L,$W$T.EMPTY)",
                JavaNames.UNKNOWN_FIELDS, Objects.class, JavaNames.UNKNOWN_FIELDS, RuntimeTypes.UNKNOWN_FIELDS);
        return constructor.build();
    }

    /** The constructor code calls: every contract field, nothing unknown. */
    private static MethodSpec knownFieldsConstructor(MessageType type, JavaTypes types) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addJavadoc("A value with no unknown fields, as code builds one.\n")
                .addModifiers(Modifier.PUBLIC);
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (Field field : type.fields()) {
            String name = JavaNames.component(field);
            constructor.addParameter(types.of(field), name);
            arguments.add("$L,$W", name);
        }
        return constructor.addStatement("this($L$T.EMPTY)", arguments.build(), RuntimeTypes.UNKNOWN_FIELDS).build();
    }

    /** What a null component becomes; empty for optional fields and types without a usable default. */
    private static Optional<CodeBlock> defaultFor(Field field, JavaTypes types) {
        String name = JavaNames.component(field);
        TypeRef type = field.type();
        if (type instanceof TypeRef.ListOf) {
            return Optional.of(CodeBlock.of("$T.list($L)", RuntimeTypes.FIELDS, name));
        }
        if (type instanceof TypeRef.MapOf) {
            return Optional.of(CodeBlock.of("$T.map($L)", RuntimeTypes.FIELDS, name));
        }
        if (field.optional()) {
            return Optional.empty();
        }
        if (types.isEnum(type)) {
            return Optional.of(CodeBlock.of("$T.requireNonNullElse($L,$W$T.$L)",
                    Objects.class, name, types.of(type), EnumType.UNSPECIFIED));
        }
        ScalarKind kind = JavaTypes.scalar(type).orElse(null);
        if (kind == ScalarKind.STRING) {
            return Optional.of(CodeBlock.of("$T.requireNonNullElse($L,$W$S)", Objects.class, name, ""));
        }
        if (kind == ScalarKind.BYTES) {
            return Optional.of(CodeBlock.of("$T.requireNonNullElse($L,$W$T.EMPTY)",
                    Objects.class, name, RuntimeTypes.BYTES));
        }
        return Optional.empty();
    }

    private static CodeBlock javadoc(MessageType type) {
        CodeBlock.Builder doc = CodeBlock.builder();
        if (Javadocs.present(type.doc())) {
            doc.add("$L\n\n", Javadocs.text(type.doc()));
        }
        for (Field field : type.fields()) {
            String text = componentDoc(field);
            if (text != null) {
                doc.add("@param $L $L\n", JavaNames.component(field), text);
            }
        }
        doc.add("@param $L what a protobuf reader kept that this contract does not know; empty otherwise\n",
                JavaNames.UNKNOWN_FIELDS);
        return doc.build();
    }

    private static String componentDoc(Field field) {
        String doc = Javadocs.present(field.doc()) ? Javadocs.text(field.doc()) : null;
        if (!field.optional() || field.type() instanceof TypeRef.ListOf || field.type() instanceof TypeRef.MapOf) {
            return doc;
        }
        return doc == null ? "{@code null} when absent" : doc + "; {@code null} when absent";
    }
}
