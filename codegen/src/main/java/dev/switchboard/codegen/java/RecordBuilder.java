package dev.switchboard.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * The nested {@code Builder} of a record with many fields, with {@code builder()} and
 * {@code toBuilder()} on the record: a call site names each value instead of passing a long
 * positional argument list. Unset values take the defaults the record's constructor gives null.
 */
final class RecordBuilder {

    /** Records with at least this many fields get a builder. */
    static final int MIN_FIELDS = 4;

    private final MessageType type;
    private final JavaTypes types;
    private final ClassName record;
    private final ClassName builder;

    RecordBuilder(MessageType type, JavaTypes types, ClassName record, ClassName builder) {
        this.type = type;
        this.types = types;
        this.record = record;
        this.builder = builder;
    }

    static boolean wanted(MessageType type) {
        return type.fields().size() >= MIN_FIELDS;
    }

    /** {@code builder()} and {@code toBuilder()}, members of the record itself. */
    List<MethodSpec> recordMethods() {
        return List.of(
                MethodSpec.methodBuilder("builder")
                        .addJavadoc("A builder with every field unset.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(builder)
                        .addStatement("return new $T()", builder)
                        .build(),
                MethodSpec.methodBuilder("toBuilder")
                        .addJavadoc("A builder holding this value's fields, to build a changed copy.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(builder)
                        .addStatement("return new $T(this)", builder)
                        .build());
    }

    TypeSpec builderType() {
        TypeSpec.Builder spec = TypeSpec.classBuilder(builder)
                .addJavadoc("Builds {@link $T} values; fields left unset take their defaults.\n", record)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        for (Field field : type.fields()) {
            spec.addField(FieldSpec.builder(types.of(field), JavaNames.component(field), Modifier.PRIVATE).build());
        }
        spec.addField(FieldSpec.builder(RuntimeTypes.UNKNOWN_FIELDS, JavaNames.UNKNOWN_FIELDS, Modifier.PRIVATE).build());
        spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        spec.addMethod(copyConstructor());
        for (Field field : type.fields()) {
            spec.addMethod(setter(field));
        }
        spec.addMethod(build());
        return spec.build();
    }

    private MethodSpec copyConstructor() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(record, "source");
        for (Field field : type.fields()) {
            String name = JavaNames.component(field);
            constructor.addStatement("this.$L = source.$L()", name, name);
        }
        // A changed copy keeps what the source was read with, as protobuf-java's toBuilder does.
        constructor.addStatement("this.$L = source.$L()", JavaNames.UNKNOWN_FIELDS, JavaNames.UNKNOWN_FIELDS);
        return constructor.build();
    }

    private MethodSpec setter(Field field) {
        String name = JavaNames.component(field);
        TypeName fieldType = types.of(field);
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(fieldType, name)
                .addStatement("this.$L = $L", name, name)
                .addStatement("return this")
                .build();
    }

    private MethodSpec build() {
        CodeBlock arguments = Stream.concat(type.fields().stream().map(JavaNames::component), Stream.of(JavaNames.UNKNOWN_FIELDS))
                .map(name -> CodeBlock.of("$L", name))
                .collect(CodeBlock.joining(",$W"));
        return MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(record)
                .addStatement("return new $T($L)", record, arguments)
                .build();
    }
}
