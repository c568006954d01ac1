package dev.tapedeck.cli;

import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Pauser;
import dev.tapedeck.sandbox.Sandbox;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A sandbox {@link Pauser} that holds a dribbled media body once the media host has sent {@code holdAt} bytes in
 * all, until the test lets it go: so a test can act (kill the client, start a second run) while a body is known to
 * be in the middle, waiting for something observable instead of for time to pass. Only dribbled bodies pause.
 */
public final class HeldBody implements Pauser {

    /** Counted down when a body is held. */
    public final CountDownLatch holding = new CountDownLatch(1);
    /** Counted down by the test to let held bodies go on (or end, see the constructor). */
    public final CountDownLatch release = new CountDownLatch(1);
    private final long holdAt;
    private final boolean dropOnRelease;
    private volatile Sandbox sandbox;

    /**
     * Holds once {@code holdAt} media bytes were sent; on release, a body goes on, or ends there when
     * {@code dropOnRelease} (its client is dead: no one would read the rest).
     */
    public HeldBody(long holdAt, boolean dropOnRelease) {
        this.holdAt = holdAt;
        this.dropOnRelease = dropOnRelease;
    }

    /** The sandbox whose counters say how much was sent; nothing is held before it is set. */
    public void watch(Sandbox value) {
        this.sandbox = value;
    }

    @Override
    public void pause(Duration ignored) throws InterruptedException {
        if (sandbox == null || sandbox.counters().bodyBytesSent(Origin.MEDIA) < holdAt) {
            return;
        }
        holding.countDown();
        release.await();
        if (dropOnRelease) {
            throw new InterruptedException("the client was killed");
        }
    }
}
