package dev.tapedeck.download;

import java.io.IOException;

/**
 * Runs a part's checkpoints (sync the part, then rewrite its resume note) on a background thread, so the transfer
 * never waits for the disk mid-file: {@link #request(long)} asks for a checkpoint of the first {@code bytes} bytes
 * (already written) and returns at once. At most one checkpoint runs at a time; requests that arrive meanwhile are
 * coalesced into one for the latest count, so the syncs keep pace with the disk rather than with the network. A
 * checkpoint that fails is skipped: the next one, or the final sync, covers its bytes. {@link #quiesce()} waits,
 * uninterruptibly, until none runs and forgets what was asked, before the part is emptied or closed.
 */
final class BackgroundCheckpoints {

    /** A checkpoint of the first {@code bytes} bytes. */
    interface Action {
        void checkpoint(long bytes) throws IOException;
    }

    private final Action action;
    private long requested;
    private long done;
    private boolean running;

    BackgroundCheckpoints(Action action) {
        this.action = action;
    }

    /** Asks for a checkpoint of the first {@code bytes} bytes. */
    void request(long bytes) {
        synchronized (this) {
            requested = Math.max(requested, bytes);
            if (running || requested <= done) {
                return;
            }
            running = true;
        }
        BackgroundThreads.run(this::loop);
    }

    /** Waits until no checkpoint runs, and drops those asked for but not started. */
    void quiesce() {
        boolean interrupted = false;
        synchronized (this) {
            requested = 0;
            while (running) {
                try {
                    wait();
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
            done = 0;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (true) {
            long bytes;
            synchronized (this) {
                if (requested <= done) {
                    running = false;
                    notifyAll();
                    return;
                }
                bytes = requested;
            }
            try {
                action.checkpoint(bytes);
            } catch (IOException | RuntimeException skipped) {
                // A channel closed by an interrupt, a full disk: the transfer's own final sync or note covers it.
            }
            synchronized (this) {
                done = Math.max(done, bytes);
            }
        }
    }
}
