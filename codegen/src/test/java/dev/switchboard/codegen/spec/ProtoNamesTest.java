package dev.switchboard.codegen.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

    @Test
    void methodsAndFilesFollowProtoStyle() {
        assertThat(ProtoNames.methodName("createOrder")).isEqualTo("CreateOrder");
        assertThat(ProtoNames.fileName("Orders")).isEqualTo("orders.proto");
    }
}
