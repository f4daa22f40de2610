package dev.switchboard.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConstraintCheckTest {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    record Money(long units, String currency) implements Validatable {
        @Override
        public void validate(ConstraintCheck check) {
            check.min("units", units, 0);
            check.pattern("currency", currency, CURRENCY);
        }
    }

    record Line(String sku, int quantity, BigDecimal price) implements Validatable {
        @Override
        public void validate(ConstraintCheck check) {
            check.minLength("sku", sku, 1);
            check.maxLength("sku", sku, 5);
            check.min("quantity", quantity, 1);
            check.max("quantity", quantity, 10);
            check.min("price", price, "0");
        }
    }

    record Order(List<Line> lines, Money total, Map<String, Money> extras, Double ratio) implements Validatable {
        @Override
        public void validate(ConstraintCheck check) {
            check.minItems("lines", lines, 1);
            check.each("lines", lines);
            check.required("total", total);
            check.nested("total", total);
            check.maxItems("extras", extras, 1);
            check.eachValue("extras", extras);
            check.max("ratio", ratio, "1.5");
        }
    }

    @Test
    void validValueHasNoViolations() {
        Order order = new Order(List.of(new Line("a", 1, BigDecimal.ONE)), new Money(5, "EUR"), Map.of(), null);
        assertThat(ConstraintCheck.violationsOf(order)).isEmpty();
        assertThat(ConstraintCheck.requireValid(order)).isSameAs(order);
    }

    @Test
    void reportsEveryViolationWithItsPath() {
        Order order = new Order(
                List.of(new Line("ok", 1, BigDecimal.ONE), new Line("", 11, new BigDecimal("-0.01"))),
                null,
                Map.of("tip", new Money(-1, "eur")),
                2.0);

        assertThat(ConstraintCheck.violationsOf(order)).containsExactly(
                new ConstraintViolation("lines[1].sku", "must be at least 1 character long"),
                new ConstraintViolation("lines[1].quantity", "must be at most 10"),
                new ConstraintViolation("lines[1].price", "must be at least 0"),
                new ConstraintViolation("total", "is required"),
                new ConstraintViolation("extras[tip].units", "must be at least 0"),
                new ConstraintViolation("extras[tip].currency", "must match [A-Z]{3}"),
                new ConstraintViolation("ratio", "must be at most 1.5"));
    }

    @Test
    void patternMustMatchTheWholeValueAndLengthCountsCodePoints() {
        assertThat(ConstraintCheck.violationsOf(new Money(1, "EURO")))
                .containsExactly(new ConstraintViolation("currency", "must match [A-Z]{3}"));
        assertThat(ConstraintCheck.violationsOf(new Line("😀😀😀😀😀", 1, BigDecimal.ONE))).isEmpty();
    }

    @Test
    void requireValidThrowsInvalidArgumentListingAll() {
        Order order = new Order(List.of(), null, Map.of(), null);
        assertThatThrownBy(() -> ConstraintCheck.requireValid(order))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.violations()).hasSize(2);
                    assertThat(e.getMessage())
                            .isEqualTo("invalid request: lines: must have at least 1 item; total: is required");
                });
    }
}
