package dev.tapedeck.model;

import java.util.Locale;

/**
 * The container of a recording's media, which decides what a download accepts as that recording (see
 * {@code dev.tapedeck.download.Downloader}) and the extension of its file.
 */
public enum RecordingFormat {
    /** One MP4 (or QuickTime) video file. */
    MP4,
    /**
     * One HLS media playlist with its segments. A session with several playlists (one per browser tab, say) has one
     * recording per playlist, each saved as its own playable offline copy.
     */
    HLS,
    /** An audio file (call recordings): MP3, WAV, M4A, Ogg, FLAC, AAC and the like. */
    AUDIO,
    /** One WebM (or Matroska) video file. */
    WEBM,
    /**
     * An event recording: the page's DOM events as rrweb JSON (one document, or one JSON value per line), which a
     * player replays rather than a video; saved as {@code .json} and checked to be well-formed JSON.
     */
    EVENTS,
    /** Anything else; saved as it comes, except that an HTML page is never taken for a recording. */
    OTHER;

    /** The lower-case wire name used in JSON output, e.g. {@code mp4}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
