package dev.tapedeck.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapedeck.model.JsonValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstantsTest {

    private final ObjectMapper mapper = Json.mapper();

    record Stamp(Instant at) {
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1748779500            | 2025-06-01T12:05:00Z",
            "1748779500.25         | 2025-06-01T12:05:00.250Z",
            "1748779560000         | 2025-06-01T12:06:00Z",
            "'\"1748779560000\"'     | 2025-06-01T12:06:00Z",
            "'\"2025-06-01 12:06:00\"' | 2025-06-01T12:06:00Z"})
    void treeReadingAndTheDeserializerAgreeOnSecondsAndMilliseconds(String json, String expected) throws Exception {
        Instant viaTree = Instants.read(mapper.readTree(json)).orElseThrow();
        Instant viaDeserializer = mapper.readValue("{\"at\":" + json + "}", Stamp.class).at();

        assertThat(viaTree).isEqualTo(Instant.parse(expected));
        assertThat(viaDeserializer).isEqualTo(viaTree);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1748779500            | 2025-06-01T12:05:00Z",
            "'\"2025-06-01 12:06:00\"' | 2025-06-01T12:06:00Z"})
    void providerDataReadsLikeTheTree(String json, String expected) throws Exception {
        JsonValue value = mapper.readValue(json, JsonValue.class);

        assertThat(Instants.read(value)).contains(Instant.parse(expected));
        assertThat(Instants.read(JsonValue.text("yesterday-ish"))).isEmpty();
        assertThat(Instants.read(JsonValue.NULL)).isEmpty();
    }

    @Test
    void aSpanNeedsBothEndsInOrder() {
        java.time.Instant start = java.time.Instant.parse("2026-11-20T10:01:03.120Z");
        java.time.Instant end = java.time.Instant.parse("2026-11-20T10:07:40.880Z");

        assertThat(Instants.span(java.util.Optional.of(start), java.util.Optional.of(end)))
                .contains(java.time.Duration.parse("PT6M37.76S"));
        assertThat(Instants.span(java.util.Optional.of(end), java.util.Optional.of(start))).isEmpty();
        assertThat(Instants.span(java.util.Optional.empty(), java.util.Optional.of(end))).isEmpty();
    }
}
