package dev.tapedeck.download;

import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import java.util.Optional;

/**
 * Hears how one download goes: {@link #started} once, then {@link #progressed} any number of times with a
 * strictly growing count of bytes on disk, then exactly one of {@link #finished} or {@link #failed}.
 *
 * <p>Called on the downloading thread; implementations should return quickly and must not throw.
 */
public interface DownloadListener {

    /** A listener that ignores everything. */
    DownloadListener NONE = new DownloadListener() {
    };

    /** The download began; {@code totalSize} is the provider's size when it gave one. */
    default void started(Recording recording, Optional<Long> totalSize) {
    }

    /**
     * The bytes written so far for this recording. Strictly increasing; after a restart from zero (a server that
     * ignored a range) nothing is reported until the count passes the last one reported. The last call before
     * {@link #finished} reports the result's size.
     */
    default void progressed(long bytesSoFar) {
    }

    /** The file is in place under its final name. */
    default void finished(DownloadResult result) {
    }

    /** The download failed; nothing was left under the final name. */
    default void failed(TapedeckError error) {
    }
}
