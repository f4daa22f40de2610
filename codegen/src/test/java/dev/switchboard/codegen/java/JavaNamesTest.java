package dev.switchboard.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.model.Constraints;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.TypeRef;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaNamesTest {

    @ParameterizedTest
    @CsvSource({
        "customerId, customerId",
        "class, class_",
        "default, default_",
        "int, int_",
        "record, record",
        "hashCode, hashCode_",
        "toString, toString_",
        "getClass, getClass_",
        "notifyAll, notifyAll_",
        "finalize, finalize_",
        "builder, builder_",
        "toBuilder, toBuilder_",
        "validate, validate_",
        "build, build"
    })
    void componentsDodgeKeywordsAndMembers(String contractName, String javaName) {
        Field field = field(contractName);

        assertThat(JavaNames.component(field)).isEqualTo(javaName);
        assertThat(JavaNames.isEscaped(field)).isEqualTo(!contractName.equals(javaName));
    }

    @ParameterizedTest
    @CsvSource({"sku, SKU_PATTERN", "unitPrice, UNIT_PRICE_PATTERN", "v2Name, V2_NAME_PATTERN"})
    void patternConstantsAreUpperSnake(String contractName, String constant) {
        assertThat(JavaNames.patternConstant(field(contractName))).isEqualTo(constant);
    }

    @Test
    void placeholdersBecomeParametersAndGeneratedNamesAvoidTaken() {
        assertThat(JavaNames.parameter("class")).isEqualTo("class_");
        assertThat(JavaNames.parameter("id")).isEqualTo("id");
        assertThat(JavaNames.unused("check", List.of("items"))).isEqualTo("check");
        assertThat(JavaNames.unused("check", List.of("check", "check_"))).isEqualTo("check__");
    }

    private static Field field(String name) {
        return new Field(name, new TypeRef.Scalar(ScalarKind.STRING), 1, false, null, Constraints.NONE, null);
    }
}
