package dev.tapedeck.e2e;

import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.sandbox.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} that never blocks: it records every requested pause and moves the sandbox's {@link ManualClock}
 * forward by it, so that time passes for Tapedeck and the sandbox alike. Thread-safe (archives sleep in parallel).
 */
final class RecordingSleeper implements Sleeper {

    private final ManualClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    /** Every pause asked for so far, in order. */
    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of the pauses asked for so far. */
    synchronized Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
