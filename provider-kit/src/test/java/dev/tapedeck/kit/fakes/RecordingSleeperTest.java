package dev.tapedeck.kit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.sandbox.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sleeper records each wait in order and moves its clock by it. */
class RecordingSleeperTest {

    @Test
    void waitsAreRecordedAndMoveTheClock() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        RecordingSleeper sleeper = new RecordingSleeper(clock);

        sleeper.sleep(Duration.ofMillis(500));
        sleeper.sleep(Duration.ofSeconds(7));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(7));
        assertThat(sleeper.total()).isEqualTo(Duration.ofMillis(7500));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:07.500Z"));
        sleeper.clear();
        assertThat(sleeper.sleeps()).isEmpty();
    }
}
