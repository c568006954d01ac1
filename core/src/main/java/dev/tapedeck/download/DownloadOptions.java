package dev.tapedeck.download;

/**
 * How a {@link Downloader} treats existing files, broken transfers and HLS playlists.
 *
 * @param overwrite           whether an existing file under the final name may be replaced
 * @param verifyExisting      whether an existing file that is kept is checked byte for byte against a fresh
 *                            download; otherwise it is checked, without fetching anything, against what the provider
 *                            declares (its size) and what a manifest recorded (size and SHA-256)
 * @param maxAttempts         how many times one file's body is requested in all, counting resumes after a broken
 *                            transfer
 * @param maxPlaylistBytes    the largest inline HLS playlist saved, in UTF-8 bytes
 * @param maxPlaylistSegments the most segments (and side files) one HLS playlist may reference
 */
public record DownloadOptions(boolean overwrite, boolean verifyExisting, int maxAttempts, long maxPlaylistBytes,
        int maxPlaylistSegments) {

    /** The default {@link #maxPlaylistBytes()}: 16 MiB, some 100,000 segments with long signed URLs. */
    public static final long DEFAULT_MAX_PLAYLIST_BYTES = 16L * 1024 * 1024;
    /** The default {@link #maxPlaylistSegments()}: 100,000, over two days of 2-second segments. */
    public static final int DEFAULT_MAX_PLAYLIST_SEGMENTS = 100_000;

    /** Requires at least one attempt and positive playlist limits. */
    public DownloadOptions {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (maxPlaylistBytes < 1 || maxPlaylistSegments < 1) {
            throw new IllegalArgumentException("the playlist limits must be positive, were " + maxPlaylistBytes
                    + " bytes and " + maxPlaylistSegments + " segments");
        }
    }

    /** Never overwrite; existing files checked without fetching; 3 attempts per file; the default playlist limits. */
    public static DownloadOptions defaults() {
        return new DownloadOptions(false, false, 3, DEFAULT_MAX_PLAYLIST_BYTES, DEFAULT_MAX_PLAYLIST_SEGMENTS);
    }

    /** These options with another overwrite choice. */
    public DownloadOptions withOverwrite(boolean value) {
        return new DownloadOptions(value, verifyExisting, maxAttempts, maxPlaylistBytes, maxPlaylistSegments);
    }

    /** These options with another choice of how existing files are checked. */
    public DownloadOptions withVerifyExisting(boolean value) {
        return new DownloadOptions(overwrite, value, maxAttempts, maxPlaylistBytes, maxPlaylistSegments);
    }

    /** These options with another attempt count. */
    public DownloadOptions withMaxAttempts(int value) {
        return new DownloadOptions(overwrite, verifyExisting, value, maxPlaylistBytes, maxPlaylistSegments);
    }

    /** These options with other playlist limits. */
    public DownloadOptions withPlaylistLimits(long bytes, int segments) {
        return new DownloadOptions(overwrite, verifyExisting, maxAttempts, bytes, segments);
    }
}
