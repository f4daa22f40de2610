package dev.switchboard.codegen.grpc;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Transport;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.codegen.java.JavaFiles;
import dev.switchboard.codegen.protobuf.FileDescriptors;
import dev.switchboard.contract.ProtoNames;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>Grpc}: the service's gRPC method descriptors, marshalled by the generated
 * protobuf codecs, and the contract's file descriptor (what protoc would build from the exported
 * {@code .proto}), embedded so reflection can describe the service without any {@code .proto} file.
 */
public final class GrpcDescriptorsGenerator implements OutputGenerator {

    private static final int BASE64_LINE = 76;

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.serves(Transport.GRPC) || input.calls(Transport.GRPC);
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        ClassName name = GrpcTypes.descriptors(contract);
        TypeSpec.Builder spec = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The gRPC face of {@code $L}: its methods as the exported .proto declares them, marshalled\n"
                        + "by the generated codecs, and the contract's descriptors for reflection.\n", contract.service())
                .addField(FieldSpec.builder(String.class, "SERVICE_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", contract.javaPackage() + "." + contract.service())
                        .build());
        for (Operation operation : contract.operations()) {
            spec.addField(method(contract, operation));
        }
        FileDescriptorProto file = FileDescriptors.of(contract);
        spec.addField(FieldSpec.builder(String.class, "DESCRIPTOR", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("$L as protoc describes it, serialized and base64-encoded.\n", file.getName())
                        .initializer(base64(file.toByteArray()))
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("descriptor")
                        .addJavadoc("The contract's file descriptor, built on first use.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(GrpcTypes.FILE_DESCRIPTOR)
                        .addStatement("return File.DESCRIPTOR")
                        .build())
                .addType(TypeSpec.classBuilder("File")
                        .addAnnotation(JavaFiles.generated(input))
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .addField(FieldSpec.builder(GrpcTypes.FILE_DESCRIPTOR, "DESCRIPTOR", Modifier.STATIC, Modifier.FINAL)
                                .initializer("$Z$>$>$T.fileDescriptor($T.DESCRIPTOR$L)$<$<", GrpcTypes.GRPC_METHODS, name,
                                        dependencies(file))
                                .build())
                        .build());
        return List.of(JavaFiles.source(input, spec));
    }

    private static FieldSpec method(ServiceContract contract, Operation operation) {
        ClassName input = JavaNames.type(contract, operation.input());
        ClassName output = JavaNames.type(contract, operation.output());
        String factory = switch (operation.mode()) {
            case UNARY -> "unary";
            case SERVER_STREAMING -> "serverStreaming";
            case CLIENT_STREAMING -> "clientStreaming";
            case BIDI_STREAMING -> "bidiStreaming";
        };
        return FieldSpec.builder(ParameterizedTypeName.get(GrpcTypes.METHOD_DESCRIPTOR, input, output),
                        JavaNames.operationConstant(operation), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$Z$>$>$T.$L(SERVICE_NAME,$W$S,$W$T.INSTANCE,$W$T.INSTANCE)$<$<", GrpcTypes.GRPC_METHODS, factory,
                        ProtoNames.methodName(operation.name()), codec(input), codec(output))
                .build();
    }

    private static ClassName codec(ClassName record) {
        return record.peerClass(record.simpleName() + "ProtoCodec");
    }

    /** The well-known files the contract imports, in the order its descriptor lists them. */
    private static CodeBlock dependencies(FileDescriptorProto file) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (String dependency : file.getDependencyList()) {
            ClassName holder = switch (dependency) {
                case "google/protobuf/timestamp.proto" -> GrpcTypes.TIMESTAMP_PROTO;
                case "google/protobuf/duration.proto" -> GrpcTypes.DURATION_PROTO;
                default -> throw new IllegalStateException("unexpected import " + dependency);
            };
            code.add(",$W$T.getDescriptor()", holder);
        }
        return code.build();
    }

    private static CodeBlock base64(byte[] bytes) {
        String encoded = Base64.getEncoder().encodeToString(bytes);
        List<CodeBlock> lines = new ArrayList<>();
        for (int start = 0; start < encoded.length(); start += BASE64_LINE) {
            lines.add(CodeBlock.of("$S", encoded.substring(start, Math.min(encoded.length(), start + BASE64_LINE))));
        }
        return CodeBlock.builder().add("\n$>$>").add(CodeBlock.join(lines, "\n+ ")).add("$<$<").build();
    }
}
