package dev.switchboard.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.EnumValue;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * One Java enum per contract enum, for every role: {@code UNSPECIFIED(0)}, the declared constants
 * with their wire numbers, and {@code UNRECOGNIZED(-1)}, which is what a value from a newer contract
 * reads as, by number or by JSON name, so an older reader never fails on it.
 */
public final class EnumGenerator implements OutputGenerator {

    static final String UNRECOGNIZED = "UNRECOGNIZED";

    @Override
    public boolean appliesTo(ContractInput input) {
        return true;
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        return input.contract().enumTypes().stream()
                .map(type -> JavaFiles.source(input, enumType(JavaNames.type(input.contract(), type.name()), type)))
                .toList();
    }

    private static TypeSpec.Builder enumType(ClassName name, EnumType type) {
        TypeSpec.Builder spec = TypeSpec.enumBuilder(name).addModifiers(Modifier.PUBLIC);
        if (Javadocs.present(type.doc())) {
            spec.addJavadoc("$L\n", Javadocs.text(type.doc()));
        }
        spec.addEnumConstant(EnumType.UNSPECIFIED, constant(0, "No value was set: the default."));
        for (EnumValue value : type.values()) {
            spec.addEnumConstant(value.name(), constant(value.number(), value.doc()));
        }
        spec.addEnumConstant(UNRECOGNIZED, constant(-1, "A value this version of the contract does not know."));
        return spec
                .addField(int.class, "number", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(int.class, "number")
                        .addStatement("this.number = number")
                        .build())
                .addMethod(MethodSpec.methodBuilder("number")
                        .addJavadoc("The wire number of this value.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(int.class)
                        .addStatement("return number")
                        .build())
                .addMethod(forNumber(name, type))
                .addMethod(fromJson(name));
    }

    private static TypeSpec constant(int number, String doc) {
        TypeSpec.Builder constant = TypeSpec.anonymousClassBuilder("$L", number);
        if (Javadocs.present(doc)) {
            constant.addJavadoc("$L\n", Javadocs.text(doc));
        }
        return constant.build();
    }

    private static MethodSpec forNumber(ClassName name, EnumType type) {
        CodeBlock.Builder cases = CodeBlock.builder()
                .add("return switch (number) {\n")
                .indent()
                .addStatement("case 0 -> $L", EnumType.UNSPECIFIED);
        for (EnumValue value : type.values()) {
            cases.addStatement("case $L -> $L", value.number(), value.name());
        }
        cases.addStatement("default -> $L", UNRECOGNIZED).unindent().add("};\n");
        return MethodSpec.methodBuilder("forNumber")
                .addJavadoc("The value with that wire number; {@link #$L} for a number this version does not know.\n",
                        UNRECOGNIZED)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name)
                .addParameter(int.class, "number")
                .addCode(cases.build())
                .build();
    }

    private static MethodSpec fromJson(ClassName name) {
        return MethodSpec.methodBuilder("fromJson")
                .addJavadoc("The value with that name; {@link #$L} for a name this version does not know.\n",
                        UNRECOGNIZED)
                .addAnnotation(RuntimeTypes.JSON_CREATOR)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name)
                .addParameter(String.class, "name")
                .beginControlFlow("for ($T value : values())", name)
                .beginControlFlow("if (value.name().equals(name))")
                .addStatement("return value")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return $L", UNRECOGNIZED)
                .build();
    }
}
