package dev.switchboard.contract.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The corrected spellings offered as fixes are themselves valid names. */
class NamesTest {

    @Test
    void convertsToPascalCase() {
        assertThat(Names.toPascal("order_item")).isEqualTo("OrderItem");
        assertThat(Names.toPascal("order-item")).isEqualTo("OrderItem");
        assertThat(Names.toPascal("orderItem")).isEqualTo("OrderItem");
        assertThat(Names.toPascal("2fa")).isEqualTo("T2fa");
        assertThat(Names.isPascal(Names.toPascal("__"))).isTrue();
    }

    @Test
    void convertsToCamelCase() {
        assertThat(Names.toCamel("Customer_id")).isEqualTo("customerId");
        assertThat(Names.toCamel("GetOrder")).isEqualTo("getOrder");
        assertThat(Names.toCamel("ID")).isEqualTo("id");
        assertThat(Names.toCamel("URLPath")).isEqualTo("urlPath");
        assertThat(Names.toCamel("order-created")).isEqualTo("orderCreated");
        assertThat(Names.isCamel(Names.toCamel("9x"))).isTrue();
    }

    @Test
    void convertsToUpperSnakeCase() {
        assertThat(Names.toUpperSnake("inProgress")).isEqualTo("IN_PROGRESS");
        assertThat(Names.toUpperSnake("in-progress")).isEqualTo("IN_PROGRESS");
        assertThat(Names.toUpperSnake("pending")).isEqualTo("PENDING");
        assertThat(Names.toUpperSnake("1st")).isEqualTo("V1ST");
    }
}
