package dev.tapedeck.retry;

import java.time.Duration;

/** Waits. Injected everywhere Tapedeck waits, so tests never sleep for real. */
@FunctionalInterface
public interface Sleeper {

    /** Blocks for {@code duration}; throws when the thread is interrupted. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: {@link Thread#sleep}. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
