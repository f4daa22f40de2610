package dev.switchboard.codegen.protobuf;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.java.JavaFiles;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.codegen.java.JavaTypes;
import dev.switchboard.codegen.java.RuntimeTypes;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ServiceContract;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * {@code <Type>ProtoCodec}: the protobuf wire form of one record, written and read field by field
 * on protobuf-java's coded streams with no reflection, in field-number order as protoc's Java
 * classes write it, so the bytes are the same and each side reads the other's.
 */
public final class ProtoCodecGenerator implements OutputGenerator {

    /** Names the generated methods use; a field local of the same name gets a trailing underscore. */
    private static final Set<String> TAKEN = Set.of("in", "out", "tag", "value", "number", "unknown");

    @Override
    public boolean appliesTo(ContractInput input) {
        return !input.contract().messageTypes().isEmpty();
    }

    public static ClassName codec(ServiceContract contract, String type) {
        return ClassName.get(contract.javaPackage(), type + "ProtoCodec");
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        List<GeneratedFile> files = new ArrayList<>();
        for (MessageType type : input.contract().messageTypes()) {
            files.add(JavaFiles.source(input, codecOf(input.contract(), type)));
        }
        return files;
    }

    private static TypeSpec.Builder codecOf(ServiceContract contract, MessageType type) {
        ClassName record = JavaNames.type(contract, type.name());
        ClassName name = codec(contract, type.name());
        WireTypes wire = new WireTypes(contract);
        List<Field> byTag = type.fields().stream().sorted(Comparator.comparingInt(Field::tag)).toList();
        Map<String, String> locals = locals(type);

        TypeSpec.Builder spec = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(WireTypes.PROTO_CODEC, record))
                .addJavadoc("The protobuf wire form of {@link $T}: what protoc's Java classes write for the exported .proto.\n", record)
                .addField(FieldSpec.builder(name, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", name)
                        .build());
        wire.constants(type).forEach(spec::addField);
        spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

        MethodSpec.Builder write = MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(record, "value")
                .addParameter(WireTypes.CODED_OUTPUT, "out")
                .addException(IOException.class);
        CodeBlock.Builder size = CodeBlock.builder();
        CodeBlock unknown = CodeBlock.of("value.$L()", JavaNames.UNKNOWN_FIELDS);
        for (Field field : byTag) {
            CodeBlock accessor = CodeBlock.of("value.$L()", JavaNames.component(field));
            write.addStatement(wire.write(field, accessor, unknown));
            size.add("$L\n+ ", wire.size(field, accessor, unknown));
        }
        // After the known fields, as protobuf-java writes its unknown fields.
        write.addStatement("$L.writeTo(out)", unknown);
        size.add("$L.size()", unknown);
        MethodSpec.Builder sizeMethod = MethodSpec.methodBuilder("size")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(record, "value")
                .returns(TypeName.INT);
        sizeMethod.addStatement("return $L", size.build());
        return spec.addMethod(write.build()).addMethod(sizeMethod.build()).addMethod(read(contract, type, wire, locals));
    }

    private static MethodSpec read(ServiceContract contract, MessageType type, WireTypes wire, Map<String, String> locals) {
        ClassName record = JavaNames.type(contract, type.name());
        JavaTypes types = new JavaTypes(contract);
        MethodSpec.Builder read = MethodSpec.methodBuilder("read")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(WireTypes.CODED_INPUT, "in")
                .addException(IOException.class)
                .returns(record);
        for (Field field : type.fields()) {
            read.addStatement("$T $L = $L", types.of(field), locals.get(field.name()), wire.initial(field));
        }
        read.addStatement("$T unknown = $T.EMPTY", RuntimeTypes.UNKNOWN_FIELDS, RuntimeTypes.UNKNOWN_FIELDS);
        read.beginControlFlow("for (int tag = in.readTag(); tag != 0; tag = in.readTag())");
        read.beginControlFlow("switch (tag)");
        for (Field field : type.fields()) {
            String local = locals.get(field.name());
            if (wire.isSingularEnum(field)) {
                read.beginControlFlow("case $L ->", wire.tags(field))
                        .addCode(wire.readEnum(field, local))
                        .endControlFlow();
            } else {
                read.addStatement("case $L -> $L", wire.tags(field), wire.read(field, local));
            }
        }
        read.addStatement("default -> unknown = unknown.read(in,$Wtag)");
        read.endControlFlow();
        read.endControlFlow();
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (Field field : type.fields()) {
            arguments.add("$L,$W", locals.get(field.name()));
        }
        return read.addStatement("return new $T($Lunknown)", record, arguments.build()).build();
    }

    private static Map<String, String> locals(MessageType type) {
        Map<String, String> locals = new LinkedHashMap<>();
        for (Field field : type.fields()) {
            locals.put(field.name(), JavaNames.unused(JavaNames.component(field), TAKEN));
        }
        return locals;
    }
}
