package dev.switchboard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredKeysTest {

    @Test
    void aKeyThatFitsItsColumnIsKeptAsItIs() {
        assertThat(StoredKeys.bounded("e-1")).isEqualTo("e-1");
        assertThat(StoredKeys.bounded("x".repeat(StoredKeys.MAX_LENGTH))).hasSize(StoredKeys.MAX_LENGTH);
    }

    @Test
    void aLongerKeyIsKeptAsItsDigestOneKeyToOneDigest() {
        String bounded = StoredKeys.bounded("x".repeat(StoredKeys.MAX_LENGTH + 1));
        assertThat(bounded).startsWith("sha256:").hasSize(71);
        assertThat(StoredKeys.bounded("x".repeat(StoredKeys.MAX_LENGTH + 1))).isEqualTo(bounded);
        assertThat(StoredKeys.bounded("y".repeat(StoredKeys.MAX_LENGTH + 1))).isNotEqualTo(bounded);
    }
}
