package dev.switchboard.codegen.java;

import com.palantir.javapoet.AnnotationSpec;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.TypeRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The Jackson annotations that give generated records their JSON form with a default mapper. Only
 * {@code com.fasterxml.jackson.annotation} is used: Jackson 2 and 3 share it.
 */
final class JsonAnnotations {

    private JsonAnnotations() {}

    /**
     * Unknown properties are skipped, so an older reader accepts what a newer writer sends; absent
     * optionals are left out rather than written as null.
     */
    static List<AnnotationSpec> onRecord() {
        return List.of(
                AnnotationSpec.builder(RuntimeTypes.JSON_IGNORE_PROPERTIES)
                        .addMember("ignoreUnknown", "true")
                        .build(),
                AnnotationSpec.builder(RuntimeTypes.JSON_INCLUDE)
                        .addMember("value", "$T.Include.NON_NULL", RuntimeTypes.JSON_INCLUDE)
                        .build());
    }

    static List<AnnotationSpec> onComponent(Field field, JavaTypes types) {
        List<AnnotationSpec> annotations = new ArrayList<>();
        if (JavaNames.isEscaped(field)) {
            // The Java name dodges a keyword or member; JSON keeps the contract name.
            annotations.add(AnnotationSpec.builder(RuntimeTypes.JSON_PROPERTY)
                    .addMember("value", "$S", field.name())
                    .build());
        }
        if (holdsDecimals(field.type())) {
            // A decimal is a JSON string, so no reader rounds it through a binary floating point.
            annotations.add(AnnotationSpec.builder(RuntimeTypes.JSON_FORMAT)
                    .addMember("shape", "$T.Shape.STRING", RuntimeTypes.JSON_FORMAT)
                    .build());
        }
        if (types.isPrimitive(field)) {
            // A writer that predates the field leaves it out; it reads as the default, not as an error.
            annotations.add(AnnotationSpec.builder(RuntimeTypes.JSON_SETTER)
                    .addMember("nulls", "$T.AS_EMPTY", RuntimeTypes.NULLS)
                    .build());
        }
        return annotations;
    }

    private static boolean holdsDecimals(TypeRef type) {
        if (type instanceof TypeRef.ListOf list) {
            return holdsDecimals(list.element());
        }
        if (type instanceof TypeRef.MapOf map) {
            return holdsDecimals(map.value());
        }
        return JavaTypes.scalar(type).filter(ScalarKind.DECIMAL::equals).isPresent();
    }
}
