package dev.tapedeck.sandbox.anchor;

import java.time.Instant;
import java.util.Objects;

/**
 * One seeded AnchorBrowser recording ({@code RecordingItem}).
 *
 * @param id                {@code rec_<session number>_<n>}, e.g. {@code rec_0002_2}
 * @param primary           whether it is the session's primary recording
 * @param suggestedFileName as sent, unsanitised (in the hostile scenario some are {@code ../../evil.mp4} on purpose)
 * @param duration          the document types it as a string, e.g. {@code 00:00:03}
 * @param size              bytes of the served file
 * @param createdAt         creation time
 * @param mediaPath         the media host path its {@code file_link} presigns (see {@link dev.tapedeck.sandbox.spi.MediaPaths})
 */
public record AnchorRecording(String id, boolean primary, String suggestedFileName, String duration, long size,
                              Instant createdAt, String mediaPath) {

    /** Rejects nulls. */
    public AnchorRecording {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(suggestedFileName, "suggestedFileName");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(mediaPath, "mediaPath");
    }
}
