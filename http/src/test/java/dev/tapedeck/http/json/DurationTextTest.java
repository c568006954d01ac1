package dev.tapedeck.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "PT41.2S      | PT41.2S",
            "P1DT2H       | PT26H",
            "pt5m         | PT5M",
            "01:02:03     | PT1H2M3S",
            "01:02:03.250 | PT1H2M3.25S",
            "125:00:00    | PT125H",
            "07:05        | PT7M5S",
            "75:30        | PT1H15M30S",
            "420          | PT7M",
            "420.5        | PT7M0.5S",
            "' 42 '       | PT42S",
            "90s          | PT1M30S",
            "1m30s        | PT1M30S",
            "1h2m3s       | PT1H2M3S",
            "1h 2m 3s     | PT1H2M3S",
            "1500ms       | PT1.5S",
            "2.5s         | PT2.5S",
            "3H           | PT3H",
            "0            | PT0S"})
    void readsTheAcceptedShapes(String text, String expected) {
        assertThat(DurationText.parse(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "abc", "-5", "PT-5S", "-PT5S", "1:2", "01:60", "01:02:60", "1:2:3:4", "12.", ".5",
            "5 minutes", "1d", "s", "ms", "h", "P", "PT", "1e3", "١٢", "420sec", "1m30", "99999999999999999999"})
    void refusesEverythingElse(String text) {
        assertThat(DurationText.parse(text)).isEmpty();
    }

    @Test
    void neverThrowsOnArbitraryText() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String alphabet = "0123456789:.PTHMSDhmsd -+eE,/ \u0661\uFFFF\u0000";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            try {
                DurationText.parse(input).ifPresent(d -> assertThat(d.isNegative()).isFalse());
            } catch (RuntimeException | AssertionError failure) {
                throw new AssertionError("seed " + seed + ", input '" + input + "'", failure);
            }
        }
    }
}
