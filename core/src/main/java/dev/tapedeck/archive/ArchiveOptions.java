package dev.tapedeck.archive;

import dev.tapedeck.download.DownloadOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an archive run works.
 *
 * @param parallelism  how many recordings download at the same time, at least 1
 * @param waitForReady how long to wait for a session's recordings that are not ready yet; empty means do not wait
 *                     (from a history they are recorded as not ready, named sessions fail as not ready; the next
 *                     run retries both); still not ready when the wait ends is a failure
 * @param download     how each file is downloaded; {@code overwrite} also lets the archive replace a file that is
 *                     in the way but not in the manifest
 */
public record ArchiveOptions(int parallelism, Optional<Duration> waitForReady, DownloadOptions download) {

    /** Checks ranges. */
    public ArchiveOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        Objects.requireNonNull(waitForReady, "waitForReady");
        Objects.requireNonNull(download, "download");
        if (waitForReady.isPresent() && waitForReady.get().isNegative()) {
            throw new IllegalArgumentException("the wait must not be negative, was " + waitForReady.get());
        }
    }

    /** Two downloads at a time, no waiting, default download options. */
    public static ArchiveOptions defaults() {
        return new ArchiveOptions(2, Optional.empty(), DownloadOptions.defaults());
    }

    /** These options with another parallelism. */
    public ArchiveOptions withParallelism(int value) {
        return new ArchiveOptions(value, waitForReady, download);
    }

    /** These options waiting up to {@code value} for recordings that are not ready. */
    public ArchiveOptions withWaitForReady(Duration value) {
        return new ArchiveOptions(parallelism, Optional.of(value), download);
    }

    /** These options with other download options. */
    public ArchiveOptions withDownload(DownloadOptions value) {
        return new ArchiveOptions(parallelism, waitForReady, value);
    }
}
