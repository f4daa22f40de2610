package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldsTest {

    @Test
    void nullBecomesEmpty() {
        assertThat(Fields.<String>list(null)).isEmpty();
        assertThat(Fields.<String, String>map(null)).isEmpty();
    }

    @Test
    void listIsAnImmutableCopy() {
        List<String> source = new ArrayList<>(List.of("a", "b"));
        List<String> copy = Fields.list(source);
        source.add("c");

        assertThat(copy).containsExactly("a", "b");
        assertThatThrownBy(() -> copy.add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapIsAnImmutableCopyInInsertionOrder() {
        Map<String, Integer> source = new LinkedHashMap<>();
        source.put("zulu", 1);
        source.put("alpha", 2);
        source.put("mike", 3);
        Map<String, Integer> copy = Fields.map(source);
        source.put("extra", 4);

        assertThat(copy.keySet()).containsExactly("zulu", "alpha", "mike");
        assertThatThrownBy(() -> copy.put("x", 5)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullElementsAreRejected() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);

        assertThatThrownBy(() -> Fields.list(Arrays.asList("a", null))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Fields.map(nullValue)).hasMessage("map value");
    }
}
