package dev.switchboard.codegen.java;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.switchboard.contract.model.Constraints;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.TypeRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The {@code validate(ConstraintCheck)} method of a record and the pattern constants it uses. Each
 * contract constraint becomes one call to the runtime's {@code ConstraintCheck}, named by the
 * contract field name, so violations read the same whatever the Java name is.
 */
final class ValidationMethod {

    /** Non-optional fields of these kinds have no usable default, so null is a violation. */
    private static final Set<ScalarKind> REQUIRED_KINDS =
            EnumSet.of(ScalarKind.TIMESTAMP, ScalarKind.DURATION, ScalarKind.DECIMAL);

    private final MessageType type;
    private final JavaTypes types;
    private final String check;
    private final Map<String, String> patternConstants;

    ValidationMethod(MessageType type, JavaTypes types) {
        this.type = type;
        this.types = types;
        this.check = JavaNames.unused("check", type.fields().stream().map(JavaNames::component).toList());
        this.patternConstants = JavaNames.patternConstants(type);
    }

    /** {@code private static final Pattern SKU_PATTERN = Pattern.compile("...")}, one per pattern. */
    List<FieldSpec> patternConstants() {
        List<FieldSpec> constants = new ArrayList<>();
        for (Field field : type.fields()) {
            if (constraints(field).pattern() != null) {
                constants.add(FieldSpec.builder(Pattern.class, patternConstants.get(field.name()),
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.compile($S)", Pattern.class, constraints(field).pattern())
                        .build());
            }
        }
        return constants;
    }

    MethodSpec method() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("validate")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(RuntimeTypes.CONSTRAINT_CHECK, check);
        for (Field field : type.fields()) {
            method.addCode(checks(field));
        }
        return method.build();
    }

    private CodeBlock checks(Field field) {
        CodeBlock.Builder code = CodeBlock.builder();
        String name = field.name();
        String value = JavaNames.component(field);
        TypeRef fieldType = field.type();
        Constraints constraints = constraints(field);

        if (!field.optional() && (types.isMessage(fieldType)
                || JavaTypes.scalar(fieldType).filter(REQUIRED_KINDS::contains).isPresent())) {
            code.addStatement("$L.required($S,$W$L)", check, name, value);
        }
        if (constraints.min() != null) {
            code.addStatement(bound("min", field, constraints.min()));
        }
        if (constraints.max() != null) {
            code.addStatement(bound("max", field, constraints.max()));
        }
        if (constraints.minLength() != null) {
            requireString(field, "minLength");
            code.addStatement("$L.minLength($S,$W$L,$W$L)", check, name, value, constraints.minLength());
        }
        if (constraints.maxLength() != null) {
            requireString(field, "maxLength");
            code.addStatement("$L.maxLength($S,$W$L,$W$L)", check, name, value, constraints.maxLength());
        }
        if (constraints.pattern() != null) {
            requireString(field, "pattern");
            code.addStatement("$L.pattern($S,$W$L,$W$L)", check, name, value, patternConstants.get(name));
        }
        if (constraints.minItems() != null) {
            requireCollection(field, "minItems");
            code.addStatement("$L.minItems($S,$W$L,$W$L)", check, name, value, constraints.minItems());
        }
        if (constraints.maxItems() != null) {
            requireCollection(field, "maxItems");
            code.addStatement("$L.maxItems($S,$W$L,$W$L)", check, name, value, constraints.maxItems());
        }
        if (types.isMessage(fieldType)) {
            code.addStatement("$L.nested($S,$W$L)", check, name, value);
        } else if (fieldType instanceof TypeRef.ListOf list && types.isMessage(list.element())) {
            code.addStatement("$L.each($S,$W$L)", check, name, value);
        } else if (fieldType instanceof TypeRef.MapOf map && types.isMessage(map.value())) {
            code.addStatement("$L.eachValue($S,$W$L)", check, name, value);
        }
        return code.build();
    }

    /**
     * A min or max call. Required integers and floats use the primitive overloads; optional numbers
     * and decimals use the {@code Number}/{@code String} overload, which skips null and compares exactly.
     */
    private CodeBlock bound(String which, Field field, BigDecimal bound) {
        ScalarKind kind = JavaTypes.scalar(field.type()).filter(ScalarKind::isNumeric).orElseThrow(
                () -> unsupported(field, which));
        String name = field.name();
        CodeBlock value = numericValue(field, kind);
        boolean integralBound = bound.stripTrailingZeros().scale() <= 0;
        if (!field.optional() && kind.isIntegral() && kind != ScalarKind.UINT64 && integralBound) {
            long limit = bound.longValueExact();
            String literal = limit == (int) limit ? Long.toString(limit) : limit + "L";
            return CodeBlock.of("$L.$L($S,$W$L,$W$L)", check, which, name, value, literal);
        }
        if (!field.optional() && (kind == ScalarKind.FLOAT || kind == ScalarKind.DOUBLE)) {
            return CodeBlock.of("$L.$L($S,$W$L,$W$L)", check, which, name, value, Double.toString(bound.doubleValue()));
        }
        return CodeBlock.of("$L.$L($S,$W$L,$W$S)", check, which, name, value, bound.toPlainString());
    }

    /** The component as a comparable number; unsigned kinds are widened so large values stay positive. */
    private static CodeBlock numericValue(Field field, ScalarKind kind) {
        String value = JavaNames.component(field);
        CodeBlock unsigned;
        if (kind == ScalarKind.UINT32) {
            unsigned = CodeBlock.of("$T.toUnsignedLong($L)", Integer.class, value);
        } else if (kind == ScalarKind.UINT64) {
            unsigned = CodeBlock.of("new $T($T.toUnsignedString($L))", BigInteger.class, Long.class, value);
        } else {
            return CodeBlock.of("$L", value);
        }
        return field.optional() ? CodeBlock.of("$L == null ? null : $L", value, unsigned) : unsigned;
    }

    private static void requireString(Field field, String constraint) {
        if (!JavaTypes.scalar(field.type()).filter(ScalarKind.STRING::equals).isPresent()) {
            throw unsupported(field, constraint);
        }
    }

    private static void requireCollection(Field field, String constraint) {
        if (!(field.type() instanceof TypeRef.ListOf || field.type() instanceof TypeRef.MapOf)) {
            throw unsupported(field, constraint);
        }
    }

    /** The contract validator rejects these; reaching one here is a bug, not a user error. */
    private static IllegalArgumentException unsupported(Field field, String constraint) {
        return new IllegalArgumentException(
                constraint + " does not apply to field " + field.name() + " of type " + field.type().spelling());
    }

    private static Constraints constraints(Field field) {
        return field.constraints() != null ? field.constraints() : Constraints.NONE;
    }
}
