package dev.tapedeck.sandbox.spi;

/**
 * The paths of what the sandbox's media host serves, for emulators to hand out. Every one of them must be requested
 * with a presigned query ({@code ?expires=<epoch seconds>&signature=<hex>}); {@link EmulatorContext#presign(String)}
 * makes one.
 */
public final class MediaPaths {

    /** A 3 s, 160x120 H.264/AAC MP4 (top-level boxes {@code ftyp}, {@code moov}, {@code mdat}). */
    public static final String SAMPLE_MP4 = "/assets/sample.mp4";
    /** A 3 s mono MP3, the Kataven call recording. */
    public static final String CALL_MP3 = "/assets/call.mp3";
    /** An rrweb recording of 63 events (meta, full snapshot, mouse moves, a click, scrolls, a custom event), JSON. */
    public static final String RRWEB_EVENTS = "/assets/rrweb-events.json";
    /** An HLS VOD playlist whose three MPEG-TS segment URLs are presigned when it is served. */
    public static final String HLS_PLAYLIST = "/assets/hls/playlist.m3u8";
    /** The folder of the HLS segments {@code segment0.ts}..{@code segment2.ts}. */
    public static final String HLS_FOLDER = "/assets/hls/";

    private MediaPaths() {
    }

    /** The path of a generated stream of exactly {@code bytes} bytes (bytes that follow a fixed pattern, served without being held in memory). */
    public static String generated(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        return "/generated/" + bytes;
    }
}
