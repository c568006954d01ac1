package dev.tapedeck.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds one connection's requests to its {@link RateLimit}; thread-safe, one per connection, shared by its calls.
 * Starts full: the first requests of each window go at once, so short jobs are never slowed.
 *
 * <p>A request takes a {@link Permit} before it is sent and closes it once its answer is in hand (or it failed). A
 * request counts against a window from its permit until the moment its permit closed: a new permit is granted only
 * when fewer than {@code requests} of the window's requests are under way or closed less than {@code period} ago.
 * Since the provider receives every request between those two moments, no stretch of {@code period} on the
 * provider's clock ever sees more than {@code requests} of them, however long a request was delayed on the way
 * (the clocks agree, as they do on one machine, up to the provider's own clock skew).
 *
 * <p>Waiting is first come, first served: the first in line waits for time to pass through the injected
 * {@link Sleeper} (time is read from the injected {@link Clock}, never from {@code System.nanoTime}), the others
 * wait for their turn without spinning. After the sleeper returns, the limiter takes the time it slept for as
 * passed even when the clock says otherwise, so a sleeper that does not move the clock cannot make it spin. Waiting
 * is interruptible.
 */
public final class RateLimiter {

    private final RateLimit limit;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Object> line = new ArrayDeque<>();
    private final Ends ends;
    /** Changed under the lock only; volatile so that {@link #underWay()} needs none. */
    private volatile int underWay;
    /** The limiter's own time never falls behind what it slept until. */
    private long floor = Long.MIN_VALUE;

    /** A limiter of {@code limit} reading {@code clock} and waiting with {@code sleeper}. */
    public RateLimiter(RateLimit limit, Clock clock, Sleeper sleeper) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.ends = new Ends(limit.windows().stream().mapToInt(RateLimit.Window::requests).max().orElse(0));
    }

    /** The limit this limiter holds to. */
    public RateLimit limit() {
        return limit;
    }

    /**
     * Waits until one more request may be sent and returns its permit; close it once the answer is in hand. Returns
     * at once when the limit is {@link RateLimit#unlimited()}.
     *
     * @throws InterruptedException when the thread is interrupted while waiting; no permit is taken then
     */
    public Permit acquire() throws InterruptedException {
        if (limit.isUnlimited()) {
            return Permit.NONE;
        }
        Object place = new Object();
        lock.lockInterruptibly();
        try {
            line.addLast(place);
            while (true) {
                if (line.peekFirst() != place) {
                    changed.await();
                    continue;
                }
                long now = now();
                long ready = readyAt(now);
                if (ready == Long.MAX_VALUE) {
                    changed.await(); // as many under way as allowed: only a closed permit helps
                } else if (ready <= now) {
                    line.removeFirst();
                    underWay++;
                    changed.signalAll();
                    return new Permit(this);
                } else {
                    lock.unlock();
                    try {
                        sleeper.sleep(Duration.ofNanos(ready - now));
                    } finally {
                        lock.lock();
                    }
                    floor = Math.max(floor, ready);
                }
            }
        } catch (InterruptedException interrupted) {
            line.remove(place);
            changed.signalAll();
            throw interrupted;
        } finally {
            lock.unlock();
        }
    }

    /** The requests under way now, for tests and logs. */
    public int underWay() {
        return underWay;
    }

    private void release() {
        lock.lock();
        try {
            underWay--;
            ends.add(now());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** When the next request may go, on the limiter's time; Long.MAX_VALUE while only a closed permit can help. */
    private long readyAt(long now) {
        if (limit.atOnce().isPresent() && underWay >= limit.atOnce().getAsInt()) {
            return Long.MAX_VALUE;
        }
        long ready = now;
        for (RateLimit.Window window : limit.windows()) {
            int ended = window.requests() - underWay; // how many recently closed requests still fit
            if (ended <= 0) {
                return Long.MAX_VALUE;
            }
            if (ends.size() >= ended) {
                ready = Math.max(ready, ends.latest(ended) + window.period().toNanos());
            }
        }
        return ready;
    }

    private long now() {
        Instant instant = clock.instant();
        long nanos = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        return Math.max(nanos, floor);
    }

    /** The right to send one request; closing it (once or more) ends the request for the limiter. */
    public static final class Permit implements AutoCloseable {

        /** A permit that holds nothing, for a request no limit counts. */
        public static final Permit NONE = new Permit(null);

        private final RateLimiter limiter;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Permit(RateLimiter limiter) {
            this.limiter = limiter;
        }

        /** Ends the request: from now on it counts only by when it ended. Idempotent. */
        @Override
        public void close() {
            if (limiter != null && closed.compareAndSet(false, true)) {
                limiter.release();
            }
        }
    }

    /** The times the latest requests ended, oldest first, as many as the largest window allows; grows as needed. */
    private static final class Ends {
        private final int capacity;
        private long[] times;
        private int first;
        private int size;

        Ends(int capacity) {
            this.capacity = capacity;
            this.times = new long[Math.min(16, capacity)];
        }

        void add(long time) {
            if (capacity == 0) {
                return;
            }
            if (size == capacity) {
                times[(first + size) % times.length] = time;
                first = (first + 1) % times.length;
                return;
            }
            if (size == times.length) {
                long[] grown = new long[Math.min(capacity, times.length * 2)];
                for (int i = 0; i < size; i++) {
                    grown[i] = times[(first + i) % times.length];
                }
                times = grown;
                first = 0;
            }
            times[(first + size) % times.length] = time;
            size++;
        }

        int size() {
            return size;
        }

        /** The end time of the {@code k}-th latest request (1 = the latest). */
        long latest(int k) {
            return times[(first + size - k) % times.length];
        }
    }
}
