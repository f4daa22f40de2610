package dev.switchboard.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtoNamesTest {

    @Test
    void fieldNamesAreSnakeCase() {
        assertThat(ProtoNames.fieldName("customerId")).isEqualTo("customer_id");
        assertThat(ProtoNames.fieldName("id")).isEqualTo("id");
        assertThat(ProtoNames.fieldName("line2Total")).isEqualTo("line2_total");
        assertThat(ProtoNames.fieldName("orderID")).isEqualTo("order_id");
        assertThat(ProtoNames.fieldName("httpURLPath")).isEqualTo("http_url_path");
    }

    @Test
    void enumValuesArePrefixedWithTheUpperSnakeEnumName() {
        assertThat(ProtoNames.enumValue("OrderStatus", "PENDING")).isEqualTo("ORDER_STATUS_PENDING");
        assertThat(ProtoNames.enumPrefix("HTTPMethod")).isEqualTo("HTTP_METHOD");
    }

    /**
     * The contract validator rejects names that would be one protobuf name, by its own copy of the
     * word rule: it must agree with what this class writes, acronyms and digits included.
     */
    @ParameterizedTest
    @CsvSource({
        "HTTPServer, UP, HTTP, SERVER_UP",
        "OrderStatus, X, Order, STATUS_X",
        "Order2Status, X, Order2, STATUS_X",
        "V2Api, X, V2, API_X",
        "ABTest, X, AB, TEST_X",
        "OrderStatus, X, Order, STATUSX",
        "HTTPServer, UP, HTTPS, ERVER_UP"
    })
    void theValidatorRejectsEnumValuesExactlyWhenTheirProtoNamesAreEqual(
            String firstEnum, String firstValue, String secondEnum, String secondValue) {
        boolean sameProtoName = ProtoNames.enumValue(firstEnum, firstValue).equals(ProtoNames.enumValue(secondEnum, secondValue));
        String contract = """
                switchboard: 1
                service: Names
                package: com.example.names
                types:
                  %s:
                    enum: { %s: 1 }
                  %s:
                    enum: { %s: 1 }
                """.formatted(firstEnum, firstValue, secondEnum, secondValue);

        assertThat(rejects(contract)).isEqualTo(sameProtoName);
    }

    @ParameterizedTest
    @CsvSource({"customerId, customerID", "aB, ab", "line2Total, line2total", "httpURL, httpUrl", "aBCd, aBcd"})
    void theValidatorRejectsFieldsExactlyWhenTheirProtoNamesAreEqual(String first, String second) {
        boolean sameProtoName = ProtoNames.fieldName(first).equals(ProtoNames.fieldName(second));
        String contract = """
                switchboard: 1
                service: Names
                package: com.example.names
                types:
                  Holder:
                    fields:
                      %s: { type: string, tag: 1 }
                      %s: { type: string, tag: 2 }
                """.formatted(first, second);

        assertThat(rejects(contract)).isEqualTo(sameProtoName);
    }

    private static boolean rejects(String contract) {
        try {
            ContractLoader.parse("names.yaml", contract);
            return false;
        } catch (ContractException e) {
            return true;
        }
    }

    @Test
    void methodsAndFilesFollowProtoStyle() {
        assertThat(ProtoNames.methodName("createOrder")).isEqualTo("CreateOrder");
        assertThat(ProtoNames.fileName("Orders")).isEqualTo("orders.proto");
    }
}
