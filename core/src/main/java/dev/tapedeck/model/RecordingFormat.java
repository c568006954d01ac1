package dev.tapedeck.model;

import java.util.Locale;

/** The container of a recording's media. */
public enum RecordingFormat {
    /** One MP4 file. */
    MP4,
    /** An HLS playlist with segments. */
    HLS,
    /** An audio file (call recordings). */
    AUDIO,
    /** One WebM file. */
    WEBM,
    /** Anything else. */
    OTHER;

    /** The lower-case wire name used in JSON output, e.g. {@code mp4}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
