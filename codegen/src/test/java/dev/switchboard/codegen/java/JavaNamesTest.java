package dev.switchboard.codegen.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.palantir.javapoet.ClassName;
import dev.switchboard.contract.ContractLoader;
import dev.switchboard.contract.model.Constraints;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.ServiceContract;
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
        assertThat(JavaNames.parameters(List.of("class", "id"))).containsExactly(
                entry("class", "class_"), entry("id", "id"));
        assertThat(JavaNames.unused("check", List.of("items"))).isEqualTo("check");
        assertThat(JavaNames.unused("check", List.of("check", "check_"))).isEqualTo("check__");
    }

    @Test
    void placeholderParametersHideNothingTheConstructorUsesAndStayApart() {
        assertThat(JavaNames.parameters(List.of("Map", "String", "ErrorCode", "ERROR_NAME", "java", "dev", "class", "class_")))
                .containsExactly(entry("Map", "Map_"), entry("String", "String_"), entry("ErrorCode", "ErrorCode_"),
                        entry("ERROR_NAME", "ERROR_NAME_"), entry("java", "java_"), entry("dev", "dev_"),
                        entry("class", "class_"), entry("class_", "class__"));
    }

    @ParameterizedTest
    @CsvSource({"java, java_", "dev, dev_", "com, com"})
    void componentsDoNotHideThePackagesGeneratedBodiesSpellOut(String contractName, String javaName) {
        assertThat(JavaNames.component(field(contractName))).isEqualTo(javaName);
    }

    @Test
    void patternConstantsOfOneTypeStayApart() {
        MessageType type = new MessageType("Codes", null, List.of(
                patterned("aBCd"), field("plain"), patterned("aBcd"), patterned("sku")), List.of(), null);

        assertThat(JavaNames.patternConstants(type)).containsExactly(
                entry("aBCd", "A_BCD_PATTERN"), entry("aBcd", "A_BCD_PATTERN_"), entry("sku", "SKU_PATTERN"));
    }

    @Test
    void theNestedBuilderGivesWayToATypeNamedBuilder() {
        ServiceContract plain = ContractLoader.parse("plain.yaml", """
                switchboard: 1
                service: Shop
                package: com.example.shop
                types:
                  Cart:
                    fields: {}
                """);
        ServiceContract withBuilder = ContractLoader.parse("builder.yaml", """
                switchboard: 1
                service: Shop
                package: com.example.shop
                types:
                  Cart:
                    fields: {}
                  Builder:
                    fields: {}
                """);
        ClassName cart = ClassName.get("com.example.shop", "Cart");

        assertThat(JavaNames.builder(plain, cart).simpleName()).isEqualTo("Builder");
        assertThat(JavaNames.builder(withBuilder, cart).simpleName()).isEqualTo("Builder_");
        assertThat(JavaNames.classNames(withBuilder)).containsExactly("Cart", "Builder", "ShopService", "ShopClient");
    }

    private static Field patterned(String name) {
        Constraints pattern = new Constraints(null, null, null, null, "[a-z]+", null, null);
        return new Field(name, new TypeRef.Scalar(ScalarKind.STRING), 1, false, null, pattern, null);
    }

    private static Field field(String name) {
        return new Field(name, new TypeRef.Scalar(ScalarKind.STRING), 1, false, null, Constraints.NONE, null);
    }
}
