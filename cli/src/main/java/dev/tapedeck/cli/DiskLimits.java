package dev.tapedeck.cli;

import dev.tapedeck.download.DownloadOptions;
import picocli.CommandLine.Option;

/**
 * The disk limits shared by {@code download} and {@code archive}: the largest recording saved and the space left
 * free, so that no provider can fill the disk. Checked before any request: a largest size of nothing is a usage
 * error (exit 2).
 */
final class DiskLimits {

    @Option(names = "--max-size", paramLabel = "SIZE", converter = ByteSizes.class, description = "The largest "
            + "recording to save, e.g. 100GiB (default: 64GiB): a larger one, or a body that never ends, fails and "
            + "nothing of it is kept.")
    long maxSize = DownloadOptions.DEFAULT_MAX_RECORDING_BYTES;

    @Option(names = "--min-free", paramLabel = "SIZE", converter = ByteSizes.class, description = "The space to "
            + "leave free on the disk, e.g. 200MiB (default: 1GiB; 0 for none): a download stops before it takes "
            + "more, keeping what it has for the next run.")
    long minFree = DownloadOptions.DEFAULT_MIN_FREE_BYTES;

    /** Refuses limits that cannot be, as a usage failure; the commands call it before any request. */
    void check() {
        if (maxSize < 1) {
            throw CliFailure.usage("--max-size must be at least 1 byte, was " + maxSize);
        }
    }

    /** {@code options} with these limits. */
    DownloadOptions applyTo(DownloadOptions options) {
        return options.withMaxRecordingBytes(maxSize).withMinFreeBytes(minFree);
    }
}
