package dev.tapedeck.sandbox.notte;

/** What a Notte session's {@code /replay} returns once it exists. */
public enum NotteReplay {
    /** {@code mp4_url} and {@code playlist_content} both set. */
    MP4_AND_HLS,
    /** {@code mp4_url} set, {@code playlist_content} null. */
    MP4_ONLY,
    /** {@code mp4_url} null, {@code playlist_content} set, {@code expires_at} set. */
    HLS_ONLY,
    /**
     * {@code mp4_url} null, {@code playlist_content} set, {@code expires_at} null; with the setting
     * {@link NotteEmulator#RELATIVE_SEGMENTS} its segment URIs are relative to the replay's URL (served beside it).
     */
    HLS_ONLY_WITHOUT_EXPIRY,
    /** No replay at all (sessions that ended in {@code error}): 404. */
    NONE
}
