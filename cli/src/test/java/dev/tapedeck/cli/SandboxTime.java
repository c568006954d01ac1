package dev.tapedeck.cli;

import dev.tapedeck.junit.ClockSleeper;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.sandbox.ManualClock;
import dev.tapedeck.sandbox.Pauser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One manual clock shared by a sandbox (as its {@link Pauser}) and a CLI run (as its {@link Sleeper}): retries,
 * Retry-After waits, added latency and dribbled bodies move the clock instead of waiting, so deadlines and dates
 * pass for both sides at once and no test waits on the wall clock. The one exception is a stall: a sandbox pause of
 * at least {@link #STALL} really blocks its serving thread (until the sandbox closes), since only a real silence
 * trips a client's read-idle timeout. Thread-safe.
 */
public final class SandboxTime implements Pauser, Sleeper {

    /** Where the clock starts. */
    public static final Instant START = Instant.parse("2026-03-09T12:00:00Z");

    /** A sandbox pause this long or longer is a stall, waited for really; shorter ones only move the clock. */
    public static final Duration STALL = Duration.ofHours(1);

    private final ManualClock clock = new ManualClock(START);
    private final CountDownLatch never = new CountDownLatch(1);
    private final ClockSleeper sleeper = new ClockSleeper(clock);

    /** The shared clock. */
    public ManualClock clock() {
        return clock;
    }

    @Override
    public void pause(Duration duration) throws InterruptedException {
        if (duration.compareTo(STALL) >= 0) {
            // interrupted when the sandbox closes, long after the client gave up on this answer
            never.await();
        } else {
            clock.advance(duration);
        }
    }

    @Override
    public void sleep(Duration duration) {
        sleeper.sleep(duration);
    }

    /** Every wait the CLI asked for so far, in order. */
    public List<Duration> sleeps() {
        return sleeper.sleeps();
    }
}
