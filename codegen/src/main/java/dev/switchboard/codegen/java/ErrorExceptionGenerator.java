package dev.switchboard.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.contract.model.ErrorDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * One exception per contract error, for every role: a server throws it, a client catches it. The
 * constructor takes one argument per message placeholder, so the message and the details a caller
 * can act on are always filled in the same way.
 */
public final class ErrorExceptionGenerator implements OutputGenerator {

    /** The placeholder syntax of {@link ErrorDefinition#message()}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    @Override
    public boolean appliesTo(ContractInput input) {
        return true;
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        return input.contract().errors().stream()
                .map(error -> JavaFiles.source(input, exception(JavaNames.exception(input.contract(), error), error)))
                .toList();
    }

    private static TypeSpec.Builder exception(ClassName name, ErrorDefinition error) {
        Map<String, String> parameterOf = JavaNames.parameters(error.placeholders());
        List<String> parameters = List.copyOf(parameterOf.values());
        String cause = JavaNames.unused("cause", parameters);

        MethodSpec.Builder withoutCause = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
        MethodSpec.Builder withCause = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
        for (String parameter : parameters) {
            withoutCause.addParameter(String.class, parameter);
            withCause.addParameter(String.class, parameter);
        }
        withCause.addParameter(Throwable.class, cause);
        List<String> forwarded = new ArrayList<>(parameters);
        forwarded.add("null");
        withoutCause.addStatement("this($L)", String.join(", ", forwarded));
        withCause.addStatement("super($T.$L,$WERROR_NAME,$W$L,$W$L,$W$L)",
                RuntimeTypes.ERROR_CODE, error.code(), message(error, parameterOf), details(parameterOf), cause);

        return TypeSpec.classBuilder(name)
                .addJavadoc(javadoc(error))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(RuntimeTypes.SWITCHBOARD_EXCEPTION)
                .addField(FieldSpec.builder(String.class, "ERROR_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The contract name of this error, stable across versions.\n")
                        .initializer("$S", error.name())
                        .build())
                .addField(FieldSpec.builder(long.class, "serialVersionUID",
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("1L")
                        .build())
                .addMethod(withoutCause.build())
                .addMethod(withCause.build());
    }

    /** The template as a string expression, {@code "order " + id + " not found"}; the name if none. */
    private static CodeBlock message(ErrorDefinition error, Map<String, String> parameterOf) {
        if (error.message() == null) {
            return CodeBlock.of("ERROR_NAME");
        }
        List<CodeBlock> parts = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(error.message());
        int literalStart = 0;
        while (placeholder.find()) {
            if (placeholder.start() > literalStart) {
                parts.add(CodeBlock.of("$S", error.message().substring(literalStart, placeholder.start())));
            }
            parts.add(CodeBlock.of("$L", parameterOf.get(placeholder.group(1))));
            literalStart = placeholder.end();
        }
        if (literalStart < error.message().length() || parts.isEmpty()) {
            parts.add(CodeBlock.of("$S", error.message().substring(literalStart)));
        }
        return CodeBlock.join(parts, "$W+ ");
    }

    /** {@code Map.of("id", String.valueOf(id))}: placeholder name → value; a null value reads "null". */
    private static CodeBlock details(Map<String, String> parameterOf) {
        List<CodeBlock> entries = new ArrayList<>();
        for (Map.Entry<String, String> placeholder : parameterOf.entrySet()) {
            String key = placeholder.getKey();
            CodeBlock value = CodeBlock.of("$T.valueOf($L)", String.class, placeholder.getValue());
            entries.add(parameterOf.size() <= 10
                    ? CodeBlock.of("$S,$W$L", key, value)
                    : CodeBlock.of("$T.entry($S,$W$L)", Map.class, key, value));
        }
        String factory = parameterOf.size() <= 10 ? "of" : "ofEntries";
        return CodeBlock.of("$T.$L($L)", Map.class, factory, CodeBlock.join(entries, ",$W"));
    }

    private static CodeBlock javadoc(ErrorDefinition error) {
        CodeBlock.Builder doc = CodeBlock.builder();
        if (Javadocs.present(error.doc())) {
            doc.add("$L\n\n<p>", Javadocs.text(error.doc()));
        }
        doc.add("Contract error {@code $L}, code {@code $L}", error.name(), error.code());
        if (error.message() != null) {
            doc.add(": $L", Javadocs.text(error.message()));
        }
        return doc.add(".\n").build();
    }
}
