package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The binding round trip for every broker's naming convention. */
class CloudEventsBindingTest {

    static final List<CloudEventsBinding> CONVENTIONS = List.of(
            CloudEventsBinding.KAFKA, CloudEventsBinding.NATS, CloudEventsBinding.AMQP);

    private static final Message ORDER = new Message("e-1", "com.example.orders.orderCreated", "Orders", "o-1",
            Instant.parse("2024-05-01T10:15:30Z"), "application/json",
            Map.of("traceparent", "00-abc-def-01", "sbdlreason", "why"),
            "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest
    @FieldSource("CONVENTIONS")
    void theAttributesComeFirstInSpecOrderThenTheContentTypeThenTheExtensions(CloudEventsBinding binding) {
        String p = binding.prefix();
        assertThat(List.copyOf(binding.headers(ORDER).keySet()).subList(0, 7)).containsExactly(
                p + "specversion", p + "id", p + "type", p + "source", p + "time", p + "subject", "content-type");
        assertThat(binding.headers(ORDER)).containsEntry(p + "specversion", "1.0")
                .containsEntry(p + "time", "2024-05-01T10:15:30Z")
                .containsEntry("traceparent", "00-abc-def-01").hasSize(9);
    }

    @ParameterizedTest
    @FieldSource("CONVENTIONS")
    void aMessageReadsBackAsItWasWrittenWithItsExtensions(CloudEventsBinding binding) {
        Message read = binding.read(binding.headers(ORDER), ORDER.payload());

        assertThat(read).usingRecursiveComparison().isEqualTo(ORDER);
        assertThat(read.headers()).isEqualTo(Map.of("traceparent", "00-abc-def-01", "sbdlreason", "why"));
    }

    @ParameterizedTest
    @FieldSource("CONVENTIONS")
    void withoutSubjectThereIsNoSubjectHeaderAndNoneReadBack(CloudEventsBinding binding) {
        Message keyless = new Message("e-2", "t", "s", null, ORDER.time(), "application/protobuf", Map.of(), new byte[] {1});
        Map<String, String> headers = binding.headers(keyless);

        assertThat(headers).doesNotContainKey(binding.prefix() + "subject");
        assertThat(binding.read(headers, new byte[] {1}).subject()).isNull();
    }

    @ParameterizedTest
    @FieldSource("CONVENTIONS")
    void theBrokersOwnHeadersAreNeitherAttributesNorExtensions(CloudEventsBinding binding) {
        Map<String, String> headers = new LinkedHashMap<>(binding.headers(ORDER));
        for (String brokers : binding.brokerHeaders()) {
            headers.put(brokers + "deliveryAttempt", "2");
        }
        assertThat(binding.read(headers, ORDER.payload()).headers()).containsOnlyKeys("traceparent", "sbdlreason");
    }

    @ParameterizedTest
    @FieldSource("CONVENTIONS")
    void aMissingRequiredAttributeIsAClearError(CloudEventsBinding binding) {
        for (String attribute : List.of("id", "type", "source", "time")) {
            Map<String, String> headers = new LinkedHashMap<>(binding.headers(ORDER));
            headers.remove(binding.prefix() + attribute);
            assertThatThrownBy(() -> binding.read(headers, ORDER.payload()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not a CloudEvent: the required attribute " + binding.prefix() + attribute
                            + " is missing");
        }
    }

    @ParameterizedTest
    @FieldSource("CONVENTIONS")
    void aBrokersHeadersAreReadInPlaceTheLastOfTwoCountingAndAMissingAttributeNamesThemAll(CloudEventsBinding binding) {
        List<Map.Entry<String, String>> received = new ArrayList<>();
        binding.write(ORDER, (name, value) -> received.add(Map.entry(name, value)));
        received.add(Map.entry(binding.prefix() + "subject", "o-2"));
        received.add(Map.entry("traceparent", "00-later-01"));
        CloudEventsBinding.Headers headers = each -> received.forEach(header -> each.accept(header.getKey(), header.getValue()));

        Message read = binding.read(headers, ORDER.payload());
        assertThat(read.subject()).isEqualTo("o-2");
        assertThat(read.headers()).containsEntry("traceparent", "00-later-01").containsEntry("sbdlreason", "why");

        received.removeIf(header -> header.getKey().equals(binding.prefix() + "source"));
        assertThatThrownBy(() -> binding.read(headers, ORDER.payload()))
                .hasMessageContaining("the required attribute " + binding.prefix() + "source is missing (headers: ["
                        + binding.prefix() + "specversion, " + binding.prefix() + "id, " + binding.prefix() + "type, ");
    }

    @ParameterizedTest
    @FieldSource("CONVENTIONS")
    void aTimeThatIsNoTimestampIsAClearError(CloudEventsBinding binding) {
        Map<String, String> headers = new LinkedHashMap<>(binding.headers(ORDER));
        headers.put(binding.prefix() + "time", "yesterday");
        assertThatThrownBy(() -> binding.read(headers, ORDER.payload()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a CloudEvent: " + binding.prefix() + "time is not an RFC 3339 timestamp: yesterday");
    }

    @ParameterizedTest
    @FieldSource("CONVENTIONS")
    void withoutContentTypeThePayloadIsJsonAndWithoutBodyEmpty(CloudEventsBinding binding) {
        Map<String, String> headers = new LinkedHashMap<>(binding.headers(ORDER));
        headers.remove("content-type");
        Message read = binding.read(headers, null);
        assertThat(read.contentType()).isEqualTo("application/json");
        assertThat(read.payload()).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("CONVENTIONS")
    void salvageKeepsWhateverIsThere(CloudEventsBinding binding) {
        Map<String, String> headers = new LinkedHashMap<>(binding.headers(ORDER));
        headers.remove(binding.prefix() + "type");
        headers.put(binding.prefix() + "time", "yesterday");
        Message salvaged = binding.salvage(headers, ORDER.payload(), "seq-7");

        assertThat(salvaged.id()).isEqualTo("e-1");
        assertThat(salvaged.type()).isEqualTo("unknown");
        assertThat(salvaged.source()).isEqualTo("Orders");
        assertThat(salvaged.subject()).isEqualTo("o-1");
        assertThat(salvaged.contentType()).isEqualTo("application/json");
        assertThat(salvaged.headers()).containsEntry("traceparent", "00-abc-def-01");
        assertThat(salvaged.payload()).isEqualTo(ORDER.payload());
    }

    @ParameterizedTest
    @FieldSource("CONVENTIONS")
    void salvagingBareBytesGivesThemTheDeliverysId(CloudEventsBinding binding) {
        Message salvaged = binding.salvage(Map.of(), new byte[] {1, 2}, "seq-7");

        assertThat(salvaged.id()).isEqualTo("seq-7");
        assertThat(salvaged.type()).isEqualTo("unknown");
        assertThat(salvaged.source()).isEqualTo("unknown");
        assertThat(salvaged.contentType()).isEqualTo("application/octet-stream");
        assertThat(salvaged.payload()).containsExactly(1, 2);
    }
}
