package dev.tapedeck.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatJsonTest {

    @Test
    void writesStringsNumbersAndNullWithEscapes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("s", "a\"b\\c\nd\te\u0001f/é");
        fields.put("n", 42L);
        fields.put("z", null);

        assertThat(FlatJson.write(fields)).isEqualTo("{\"s\":\"a\\\"b\\\\c\\nd\\te\\u0001f/é\",\"n\":42,\"z\":null}");
    }

    @Test
    void readsWhatOtherWritersProduce() {
        Map<String, Optional<Object>> fields = FlatJson.read(
                " { \"a\" : \"x\\u00e9\\/\\\"\" , \"b\": -12, \"c\": 1.5e3, \"d\": true, \"e\": null } ");

        assertThat(fields.get("a")).contains("xé/\"");
        assertThat(fields.get("b")).contains(-12L);
        assertThat(fields.get("c")).contains(new BigDecimal("1.5e3"));
        assertThat(fields.get("d")).contains(Boolean.TRUE);
        assertThat(fields.get("e")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":}", "{\"a\":1,}", "{\"a\":[1]}", "{\"a\":{\"b\":1}}", "{\"a\":\"x",
        "{\"a\":01}", "{\"a\":1} x", "{\"a\":1,\"a\":2}", "{\"a\":\"\\q\"}", "[]"})
    void refusesWhatIsNotAFlatObject(String line) {
        assertThatThrownBy(() -> FlatJson.read(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column");
    }

    @RepeatedTest(20)
    void roundTripsRandomStrings(org.junit.jupiter.api.RepetitionInfo repetition) {
        long seed = 0x5EED_0000L + repetition.getCurrentRepetition();
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            text.append((char) random.nextInt(0x3000));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("k" + text, text.toString());
        fields.put("n", random.nextLong());

        Map<String, Optional<Object>> read = FlatJson.read(FlatJson.write(fields));

        assertThat(read.get("k" + text)).as("seed %d", seed).contains(text.toString());
        assertThat(read.get("n")).as("seed %d", seed).contains(fields.get("n"));
    }
}
