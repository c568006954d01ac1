package dev.tapedeck.download;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The buffers one transfer reads into, and a background thread that feeds them to a {@link Sink} (the SHA-256, the
 * JSON check) while the transfer reads and writes the next: the transfer fills {@link #buffer()}, writes it to the
 * part file, and {@link #hand hands} it over; the background thread passes each buffer to the sink in order and then
 * frees it. So hashing overlaps the socket and the disk instead of adding to them.
 *
 * <p>Memory stays bounded: at most {@value #BUFFERS} buffers of {@value #BUFFER_BYTES} bytes exist per ring, made as
 * they are first needed, and a transfer that outruns its hashing waits for a free one. {@link #await()} waits until
 * the sink has seen everything handed over (before the digest is read or reset). Waits are interruptible: an
 * interrupt ends them with an {@link InterruptedIOException} and the thread's interrupt flag set. {@link #close()}
 * drops what was not hashed yet and waits, uninterruptibly, for the background thread to let go, then leaves the
 * ring's buffers to the next ring ({@value #SPARE_BUFFERS} at most are kept), so that an archive of many small
 * recordings does not make and zero a megabyte of new buffers per recording. One thread uses a ring, and not after
 * closing it; the sink runs on the ring's own thread.
 */
final class HashingRing implements Closeable {

    /** The size of each buffer: large enough that a write and a hand-off cost little per byte. */
    static final int BUFFER_BYTES = 256 * 1024;

    /** How many buffers a ring may have: {@value} × {@value #BUFFER_BYTES} bytes per transfer at most. */
    static final int BUFFERS = 4;

    /** How many buffers closed rings leave for the next ones: enough for 16 parallel downloads' first buffers. */
    static final int SPARE_BUFFERS = 16;

    private static final BlockingQueue<byte[]> SPARE = new ArrayBlockingQueue<>(SPARE_BUFFERS);

    /** What the background thread does with each buffer, in the order they were handed over. */
    interface Sink {
        /** Takes {@code bytes[0, length)}; must not keep {@code bytes}. */
        void accept(byte[] bytes, int length);
    }

    /** A handed-over buffer, or a marker: {@code reached} to count down once all before it are done, or the end. */
    private record Chunk(byte[] bytes, int length, CountDownLatch reached) {
    }

    private static final Chunk END = new Chunk(null, 0, null);

    private final Sink sink;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Chunk> handed = new LinkedBlockingQueue<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean discarding;
    private volatile RuntimeException failure;
    private byte[] current;
    private int made;
    private boolean started;

    HashingRing(Sink sink) {
        this.sink = sink;
    }

    /** The buffer to fill next: the same one until it is handed over, then a free one (waiting for it if need be). */
    byte[] buffer() throws InterruptedIOException {
        if (current == null) {
            current = free.poll();
        }
        if (current == null && made < BUFFERS) {
            made++;
            current = SPARE.poll();
            if (current == null) {
                current = new byte[BUFFER_BYTES];
            }
        }
        if (current == null) {
            try {
                current = free.take();
            } catch (InterruptedException stop) {
                throw interrupted();
            }
        }
        return current;
    }

    /** Hands {@code buffer()[0, length)} to the background thread; the next {@link #buffer()} is another one. */
    void hand(int length) {
        if (!started) {
            started = true;
            BackgroundThreads.run(this::consume);
        }
        handed.add(new Chunk(current, length, null));
        current = null;
    }

    /** Waits until the sink has taken every buffer handed over so far. */
    void await() throws IOException {
        if (started) {
            CountDownLatch reached = new CountDownLatch(1);
            handed.add(new Chunk(null, 0, reached));
            try {
                reached.await();
            } catch (InterruptedException stop) {
                throw interrupted();
            }
        }
        RuntimeException failed = failure;
        if (failed != null) {
            throw new IOException("the background hashing of the download failed: " + failed, failed);
        }
    }

    /** Drops what was not hashed yet and waits for the background thread to stop. */
    @Override
    public void close() {
        if (started) {
            stop();
        }
        // every buffer is back in this ring's hands now: the background thread has let go of those handed over
        if (current != null) {
            SPARE.offer(current);
            current = null;
        }
        for (byte[] buffer = free.poll(); buffer != null; buffer = free.poll()) {
            SPARE.offer(buffer);
        }
    }

    private void stop() {
        discarding = true;
        handed.add(END);
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void consume() {
        try {
            while (true) {
                Chunk chunk = handed.take();
                if (chunk == END) {
                    return;
                }
                if (chunk.reached() != null) {
                    chunk.reached().countDown();
                    continue;
                }
                if (!discarding && failure == null) {
                    try {
                        sink.accept(chunk.bytes(), chunk.length());
                    } catch (RuntimeException bug) {
                        failure = bug;
                    }
                }
                free.add(chunk.bytes());
            }
        } catch (InterruptedException stopped) {
            failure = new IllegalStateException("the hashing thread was interrupted");
        } finally {
            finished.countDown();
        }
    }

    private static InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted while the download was being hashed");
    }
}
