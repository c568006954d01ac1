package dev.tapedeck.kit.fakes;

import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.sandbox.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Sleeper} that never blocks: it records every wait asked of it and, when given a {@link ManualClock}, moves
 * that clock forward by it, so that time passes for Tapedeck and a sandbox on the same clock alike. Give it to
 * {@code ProviderConfig.Builder.sleeper} and assert the waits exactly. Thread-safe (archives wait in parallel).
 */
public final class RecordingSleeper implements Sleeper {

    private final Optional<ManualClock> clock;
    private final List<Duration> sleeps = new ArrayList<>();

    /** A sleeper that only records. */
    public RecordingSleeper() {
        this.clock = Optional.empty();
    }

    /** A sleeper that records and moves {@code clock} forward by each wait. */
    public RecordingSleeper(ManualClock clock) {
        this.clock = Optional.of(Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        clock.ifPresent(c -> c.advance(duration));
    }

    /** Every wait asked for so far, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of the waits asked for so far. */
    public synchronized Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Forgets the waits recorded so far; the clock stays where it is. */
    public synchronized void clear() {
        sleeps.clear();
    }

    @Override
    public synchronized String toString() {
        return "RecordingSleeper" + sleeps;
    }
}
