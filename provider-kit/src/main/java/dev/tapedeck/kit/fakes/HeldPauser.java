package dev.tapedeck.kit.fakes;

import dev.tapedeck.sandbox.Pauser;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sandbox {@link Pauser} that returns at once until it is {@link #hold() held}; from then on, the first pause of a
 * dribbled body waits until the test {@link #release() releases} it. A body dribbled through it stops after its first
 * chunk, so a client that buffers whole bodies never returns while one that streams hands over the first bytes: the
 * check that media is streamed, not buffered, needs no timing. The wait for a release is bounded ({@link #LIMIT}) so
 * that a client that buffers ends the test with a failure instead of hanging it; {@link #gaveUp()} says it happened.
 */
public final class HeldPauser implements Pauser {

    /** The longest a held pause waits for a release: a safety net against a buffering client, never a measurement. */
    public static final Duration LIMIT = Duration.ofMinutes(2);

    private final AtomicBoolean held = new AtomicBoolean();
    private final AtomicBoolean gaveUp = new AtomicBoolean();
    private volatile CountDownLatch released = new CountDownLatch(0);

    /** A pauser that is not held: every pause returns at once. */
    public HeldPauser() {
    }

    /** Makes the next pause wait for {@link #release()}. */
    public void hold() {
        released = new CountDownLatch(1);
        held.set(true);
    }

    /** Lets the held pause, and every later one, return. */
    public void release() {
        held.set(false);
        released.countDown();
    }

    /** Whether a held pause had to give up waiting: nobody released it within {@link #LIMIT}. */
    public boolean gaveUp() {
        return gaveUp.get();
    }

    @Override
    public void pause(Duration duration) throws InterruptedException {
        if (held.get() && !released.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            gaveUp.set(true);
            release();
        }
    }
}
