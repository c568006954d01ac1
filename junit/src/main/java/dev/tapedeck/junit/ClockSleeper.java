package dev.tapedeck.junit;

import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.sandbox.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Sleeper} that never blocks: it records every pause asked for and moves a {@link ManualClock} forward by
 * it, so that time passes for Tapedeck and the sandbox alike and a test can check the waits (backoff, Retry-After)
 * exactly. Thread-safe: an archive's workers sleep in parallel.
 */
public final class ClockSleeper implements Sleeper {

    private final ManualClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    /** A sleeper moving {@code clock}. */
    public ClockSleeper(ManualClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    /** Every pause asked for since the test began, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of the pauses asked for since the test began. */
    public synchronized Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Forgets the pauses recorded so far. */
    public synchronized void clear() {
        sleeps.clear();
    }
}
