package dev.tapedeck.download;

/**
 * How a {@link Downloader} treats existing files and broken transfers.
 *
 * @param overwrite   whether an existing file under the final name may be replaced
 * @param maxAttempts how many times one file's body is requested in all, counting resumes after a broken transfer
 */
public record DownloadOptions(boolean overwrite, int maxAttempts) {

    /** Requires at least one attempt. */
    public DownloadOptions {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** Never overwrite; 3 attempts per file. */
    public static DownloadOptions defaults() {
        return new DownloadOptions(false, 3);
    }

    /** These options with another overwrite choice. */
    public DownloadOptions withOverwrite(boolean value) {
        return new DownloadOptions(value, maxAttempts);
    }

    /** These options with another attempt count. */
    public DownloadOptions withMaxAttempts(int value) {
        return new DownloadOptions(overwrite, value);
    }
}
