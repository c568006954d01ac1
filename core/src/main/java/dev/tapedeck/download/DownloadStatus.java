package dev.tapedeck.download;

import java.util.Locale;

/**
 * How one recording's download ended, as a manifest and an archive summary record it. A {@link DownloadResult} is
 * only ever {@link #DOWNLOADED} or {@link #SKIPPED}: a download that failed is a left {@code TapedeckError}.
 */
public enum DownloadStatus {
    /** Fetched now and moved into place. */
    DOWNLOADED,
    /** Already on disk and verified, so not fetched again. */
    SKIPPED,
    /** Not on disk under its final name; the manifest entry's error says why. */
    FAILED;

    /** The lower-case word used in manifests and JSON output, e.g. {@code downloaded}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status for {@code wireName}, case-insensitive. */
    public static DownloadStatus fromWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
