package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The small parsers and renderers behind the options and the output. */
class OptionParsingTest {

    @Test
    void waitAcceptsIsoAndSimpleForms() {
        assertThat(Durations.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("pt1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("45")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void waitRefusesNegativeAndUnknownForms() {
        assertThatThrownBy(() -> Durations.parse("-PT1M")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("2 weeks")).hasMessageContaining("90s, 2m, 1h or PT2M");
    }

    @Test
    void sizesAreBytesOrBinaryUnits() {
        assertThat(ByteSizes.parse("1048576")).isEqualTo(1L << 20);
        assertThat(ByteSizes.parse("512KiB")).isEqualTo(512L << 10);
        assertThat(ByteSizes.parse("16MiB")).isEqualTo(16L << 20);
        assertThat(ByteSizes.parse("16m")).isEqualTo(16L << 20);
        assertThat(ByteSizes.parse("2 GiB")).isEqualTo(2L << 30);
        assertThatThrownBy(() -> ByteSizes.parse("-1")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> ByteSizes.parse("8 MB/s")).hasMessageContaining("16MiB, 512KiB or 1048576");
    }

    @Test
    void aDateMeansStartOfDayForSinceAndEndOfDayForUntil() {
        assertThat(Instants.parse("2026-03-01", false)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(Instants.parse("2026-03-01", true)).isEqualTo(Instant.parse("2026-03-01T23:59:59.999999999Z"));
    }

    @Test
    void instantsWithAndWithoutOffsetAreRead() {
        assertThat(Instants.parse("2026-03-01T10:00:00Z", true)).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(Instants.parse("2026-03-01T12:00:00+02:00", false))
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(Instants.parse("2026-03-01T10:00:00", false)).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThatThrownBy(() -> Instants.parse("03/01/2026", false)).hasMessageContaining("not a date");
    }

    @Test
    void progressFrameShowsBarPercentageAndSizes() {
        String frame = ProgressBar.render("sess_0003", 1536 * 1024, OptionalLong.of(3 * 1024 * 1024));

        assertThat(frame).startsWith("[############------------]  50%").contains("1.5 MiB / 3.0 MiB")
                .endsWith("sess_0003");
        assertThat(ProgressBar.render("x", 10, OptionalLong.empty())).isEqualTo("10 B  x");
    }

    @Test
    void disabledProgressBarPrintsNothing() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new java.io.PrintStream(err), false);

        bar.update("x", 5, OptionalLong.of(10));
        bar.finish();

        assertThat(err.size()).isZero();
    }

    @Test
    void enabledProgressBarRedrawsInPlaceAndClearsItsLine() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new java.io.PrintStream(err, true), true);

        bar.update("file", 5, OptionalLong.of(10));
        bar.finish();

        assertThat(err.toString()).startsWith("\r[").contains(" 50%").endsWith("\r").doesNotContain("\n");
    }

    @Test
    void errorLinesRedactUrlQueriesAndMaskKnownSecrets() {
        ErrorLine errors = new ErrorLine();
        errors.secret("sk-top-secret-key");

        String line = errors.scrub("GET https://media.example/x.mp4?signature=abc failed with key sk-top-secret-key");

        assertThat(line).isEqualTo("GET https://media.example/x.mp4?… failed with key ****");
    }

    @Test
    void humanSizesUseBinaryUnits() {
        assertThat(TableOutput.bytes(512)).isEqualTo("512 B");
        assertThat(TableOutput.bytes(2048)).isEqualTo("2.0 KiB");
        assertThat(TableOutput.bytes(3L * 1024 * 1024)).isEqualTo("3.0 MiB");
    }
}
