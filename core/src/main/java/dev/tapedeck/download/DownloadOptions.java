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
 * @param maxRecordingBytes   the largest recording saved, with all its segments: a body with no declared end (or an
 *                            endless run of pages or segments) stops there and fails, nothing kept, rather than
 *                            filling the disk; a provider that declares a larger size is refused up front
 * @param minFreeBytes        the space a download leaves free on the disk it writes to: it stops, keeping what it
 *                            has for a later run, before the disk's usable space falls below it (0: no reserve)
 */
public record DownloadOptions(boolean overwrite, boolean verifyExisting, int maxAttempts, long maxPlaylistBytes,
        int maxPlaylistSegments, long maxRecordingBytes, long minFreeBytes) {

    /** The default {@link #maxPlaylistBytes()}: 16 MiB, some 100,000 segments with long signed URLs. */
    public static final long DEFAULT_MAX_PLAYLIST_BYTES = 16L * 1024 * 1024;
    /** The default {@link #maxPlaylistSegments()}: 100,000, over two days of 2-second segments. */
    public static final int DEFAULT_MAX_PLAYLIST_SEGMENTS = 100_000;

    /** The default {@link #maxRecordingBytes()}: 64 GiB, hours of high-resolution video. */
    public static final long DEFAULT_MAX_RECORDING_BYTES = 64L * 1024 * 1024 * 1024;

    /** The default {@link #minFreeBytes()}: 1 GiB, so a download never fills the disk for everything else on it. */
    public static final long DEFAULT_MIN_FREE_BYTES = 1024L * 1024 * 1024;

    /** Options with the default {@link #maxRecordingBytes()} and {@link #minFreeBytes()}, as before they existed. */
    public DownloadOptions(boolean overwrite, boolean verifyExisting, int maxAttempts, long maxPlaylistBytes,
            int maxPlaylistSegments) {
        this(overwrite, verifyExisting, maxAttempts, maxPlaylistBytes, maxPlaylistSegments,
                DEFAULT_MAX_RECORDING_BYTES, DEFAULT_MIN_FREE_BYTES);
    }

    /** Requires at least one attempt and positive limits. */
    public DownloadOptions {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (maxPlaylistBytes < 1 || maxPlaylistSegments < 1) {
            throw new IllegalArgumentException("the playlist limits must be positive, were " + maxPlaylistBytes
                    + " bytes and " + maxPlaylistSegments + " segments");
        }
        if (maxRecordingBytes < 1) {
            throw new IllegalArgumentException("maxRecordingBytes must be positive, was " + maxRecordingBytes);
        }
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("minFreeBytes must not be negative, was " + minFreeBytes);
        }
    }

    /**
     * Never overwrite; existing files checked without fetching; 3 attempts per file; the default playlist and
     * recording limits.
     */
    public static DownloadOptions defaults() {
        return new DownloadOptions(false, false, 3, DEFAULT_MAX_PLAYLIST_BYTES, DEFAULT_MAX_PLAYLIST_SEGMENTS,
                DEFAULT_MAX_RECORDING_BYTES, DEFAULT_MIN_FREE_BYTES);
    }

    /** These options with another overwrite choice. */
    public DownloadOptions withOverwrite(boolean value) {
        return new DownloadOptions(value, verifyExisting, maxAttempts, maxPlaylistBytes, maxPlaylistSegments,
                maxRecordingBytes, minFreeBytes);
    }

    /** These options with another choice of how existing files are checked. */
    public DownloadOptions withVerifyExisting(boolean value) {
        return new DownloadOptions(overwrite, value, maxAttempts, maxPlaylistBytes, maxPlaylistSegments,
                maxRecordingBytes, minFreeBytes);
    }

    /** These options with another attempt count. */
    public DownloadOptions withMaxAttempts(int value) {
        return new DownloadOptions(overwrite, verifyExisting, value, maxPlaylistBytes, maxPlaylistSegments,
                maxRecordingBytes, minFreeBytes);
    }

    /** These options with other playlist limits. */
    public DownloadOptions withPlaylistLimits(long bytes, int segments) {
        return new DownloadOptions(overwrite, verifyExisting, maxAttempts, bytes, segments, maxRecordingBytes,
                minFreeBytes);
    }

    /** These options with another largest recording. */
    public DownloadOptions withMaxRecordingBytes(long value) {
        return new DownloadOptions(overwrite, verifyExisting, maxAttempts, maxPlaylistBytes, maxPlaylistSegments,
                value, minFreeBytes);
    }

    /** These options with another reserve of free space. */
    public DownloadOptions withMinFreeBytes(long value) {
        return new DownloadOptions(overwrite, verifyExisting, maxAttempts, maxPlaylistBytes, maxPlaylistSegments,
                maxRecordingBytes, value);
    }
}
