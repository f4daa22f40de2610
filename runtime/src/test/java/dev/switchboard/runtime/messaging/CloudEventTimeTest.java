package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventTimeTest {

    @Test
    void writesWhatInstantWritesAndReadsItBack() {
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to + 1), nanos);
            String text = CloudEventTime.format(instant);
            assertThat(text).isEqualTo(instant.toString());
            assertThat(CloudEventTime.parse(text)).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00Z",
            "1900-02-28T23:59:59Z", "2026-12-04T02:42:21.5Z", "2026-12-04T02:42:21.12345Z", "0000-03-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z"})
    void readsEveryFractionLengthAndCalendarCorner(String text) {
        assertThat(CloudEventTime.parse(text)).isEqualTo(Instant.parse(text));
    }

    @Test
    void leavesOtherShapesToInstant() {
        assertThat(CloudEventTime.parse("2026-12-04T03:42:21+01:00")).isEqualTo(Instant.parse("2026-12-04T02:42:21Z"));
        for (String odd : new String[] {"2026-12-04T24:00:00Z", "2026-12-04T02:42:21.Z"}) {
            assertThat(CloudEventTime.parse(odd)).as(odd).isEqualTo(Instant.parse(odd));
        }
        assertThat(CloudEventTime.format(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-04T02:42:21Z", "2026-02-30T02:42:21Z",
            "2026-12-04T0x:42:21Z", "2026-12-04T02:42:21.1234567890Z", ""})
    void refusesWhatIsNoTimestamp(String text) {
        assertThatThrownBy(() -> CloudEventTime.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
