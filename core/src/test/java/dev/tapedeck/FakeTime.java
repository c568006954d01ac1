package dev.tapedeck;

import dev.tapedeck.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** For core's tests: a UTC clock that moves only when told to or slept on, recording the sleeps. Thread-safe. */
public final class FakeTime extends Clock implements Sleeper {

    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    /** A clock standing at {@code start}. */
    public FakeTime(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward by {@code amount} without recording a sleep. */
    public synchronized void advance(Duration amount) {
        now = now.plus(amount);
    }

    /** Records the sleep and moves the clock by it. */
    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    /** Every sleep so far, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
