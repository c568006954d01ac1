package dev.tapedeck.download;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads downloads use beside the transfer's own (hashing, syncing), reused across downloads so a
 * archive of many small files does not start two threads per file. Daemon, so they never keep a JVM alive.
 */
final class BackgroundThreads {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tapedeck-download-background-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private BackgroundThreads() {
    }

    /** Runs {@code task} on a background thread. */
    static void run(Runnable task) {
        THREADS.execute(task);
    }
}
