package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BytesTest {

    @Test
    void hasValueEqualityAndDefensiveCopies() {
        byte[] raw = {1, 2, 3};
        Bytes bytes = Bytes.of(raw);
        raw[0] = 9;
        assertThat(bytes).isEqualTo(Bytes.of(new byte[] {1, 2, 3})).hasSameHashCodeAs(Bytes.of(new byte[] {1, 2, 3}));
        bytes.toByteArray()[1] = 9;
        assertThat(bytes.toByteArray()).containsExactly(1, 2, 3);
        assertThat(Bytes.of()).isSameAs(Bytes.EMPTY);
    }

    @Test
    void isBase64InJson() {
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.writeValueAsString(Bytes.of(new byte[] {1, 2, 3}))).isEqualTo("\"AQID\"");
        assertThat(json.readValue("\"AQID\"", Bytes.class)).isEqualTo(Bytes.of(new byte[] {1, 2, 3}));
    }
}
