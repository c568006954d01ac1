package dev.tapedeck.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LenientJsonTest {

    record Credits(@JsonDeserialize(using = LenientDecimalDeserializer.class) BigDecimal credits) {
    }

    record Stamp(Instant at) {
    }

    private final ObjectMapper mapper = Json.mapper();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "12.5       | 12.5",
            "12         | 12",
            "'\"12.50\"' | 12.50",
            "'\" 7 \"'  | 7",
            "'\"N/A\"'  | NULL",
            "'\"\"'     | NULL",
            "null       | NULL"})
    void readsDecimalsSentAsNumbersOrText(String json, String expected) throws Exception {
        Credits credits = mapper.readValue("{\"credits\":" + json + "}", Credits.class);

        assertThat(credits.credits()).isEqualTo(expected == null ? null : new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"twelve\"", "\"12,5\"", "\"1.2.3\"", "\"NaN\""})
    void refusesTextThatIsNoDecimal(String json) {
        assertThatThrownBy(() -> mapper.readValue("{\"credits\":" + json + "}", Credits.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2024-05-01T10:15:30Z              | 2024-05-01T10:15:30Z",
            "2024-05-01T12:15:30+02:00         | 2024-05-01T10:15:30Z",
            "2024-05-01T10:15:30.123456        | 2024-05-01T10:15:30.123456Z",
            "2024-05-01T10:15:30               | 2024-05-01T10:15:30Z",
            "2024-05-01 10:15:30               | 2024-05-01T10:15:30Z",
            "2024-05-01                        | 2024-05-01T00:00:00Z"})
    void readsInstantsWithAndWithoutZoneAsUtc(String text, String expected) throws Exception {
        Stamp stamp = mapper.readValue("{\"at\":\"" + text + "\"}", Stamp.class);

        assertThat(stamp.at()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsEpochSecondsAndRefusesGarbage() throws Exception {
        assertThat(mapper.readValue("{\"at\":1714558530.5}", Stamp.class).at())
                .isEqualTo(Instant.parse("2024-05-01T10:15:30.500Z"));
        assertThatThrownBy(() -> mapper.readValue("{\"at\":\"yesterday\"}", Stamp.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void ignoresUnknownFieldsAndWritesDatesAsText() throws Exception {
        Stamp stamp = mapper.readValue("{\"at\":\"2024-05-01T10:15:30Z\",\"new_field\":1}", Stamp.class);

        assertThat(mapper.writeValueAsString(stamp)).isEqualTo("{\"at\":\"2024-05-01T10:15:30Z\"}");
    }

    @Test
    void eachCallerGetsItsOwnMapper() {
        assertThat(Json.mapper()).isNotSameAs(Json.mapper());
    }
}
