package dev.tapedeck.cli;

import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Pauser;
import dev.tapedeck.sandbox.Sandbox;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final boolean onlyFirst;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile Sandbox sandbox;

    /**
     * Holds once {@code holdAt} media bytes were sent; on release, a body goes on, or ends there when
     * {@code dropOnRelease} (its client is dead: no one would read the rest).
     */
    public HeldBody(long holdAt, boolean dropOnRelease) {
        this(holdAt, dropOnRelease, false);
    }

    private HeldBody(long holdAt, boolean dropOnRelease, boolean onlyFirst) {
        this.holdAt = holdAt;
        this.dropOnRelease = dropOnRelease;
        this.onlyFirst = onlyFirst;
    }

    /**
     * Holds the first body that pauses, on any origin, and ends it on release; every other body goes on at once. For
     * bodies dribbled among others that are not held (an API that serves recordings and listings alike).
     */
    public static HeldBody first() {
        return new HeldBody(0, true, true);
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
        if (onlyFirst && !claimed.compareAndSet(false, true)) {
            return;
        }
        holding.countDown();
        release.await();
        if (dropOnRelease) {
            throw new InterruptedException("the client was killed");
        }
    }
}
