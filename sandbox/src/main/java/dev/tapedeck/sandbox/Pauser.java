package dev.tapedeck.sandbox;

import java.time.Duration;

/**
 * How the sandbox waits when a fault asks for added latency or a dribbled body. The default really sleeps; tests
 * inject their own to observe the requested pauses without waiting for them.
 */
@FunctionalInterface
public interface Pauser {

    /** A pauser that sleeps on the serving thread. */
    Pauser SLEEP = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits for the given duration (or records that it was asked to).
     *
     * @throws InterruptedException when the serving thread is interrupted, e.g. because the sandbox is closing
     */
    void pause(Duration duration) throws InterruptedException;
}
