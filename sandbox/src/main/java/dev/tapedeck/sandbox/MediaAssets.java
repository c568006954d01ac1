package dev.tapedeck.sandbox;

import dev.tapedeck.sandbox.spi.MediaPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media shipped in {@code src/main/resources/dev/tapedeck/sandbox/media} (generated once with ffmpeg and
 * committed) plus the generated streams, looked up by media-host path.
 */
final class MediaAssets {

    /** Generated streams are capped at 1 TiB: big enough for any test, small enough to never overflow. */
    static final long MAX_GENERATED = 1L << 40;

    private static final String ROOT = "/dev/tapedeck/sandbox/media/";
    private static final Pattern GENERATED = Pattern.compile("^/generated/(\\d{1,13})$");
    private static final String VOD = "#EXT-X-PLAYLIST-TYPE:VOD";
    private static final String EVENT = "#EXT-X-PLAYLIST-TYPE:EVENT";

    private final Map<String, ByteSource> files;
    private final String playlistTemplate;

    private MediaAssets(Map<String, ByteSource> files, String playlistTemplate) {
        this.files = Map.copyOf(files);
        this.playlistTemplate = playlistTemplate;
    }

    static MediaAssets load() {
        Map<String, ByteSource> files = new LinkedHashMap<>();
        files.put(MediaPaths.SAMPLE_MP4, ByteSource.of(read("sample.mp4"), "video/mp4"));
        files.put(MediaPaths.CALL_MP3, ByteSource.of(read("call.mp3"), "audio/mpeg"));
        files.put(MediaPaths.RRWEB_EVENTS, ByteSource.of(read("rrweb-events.json"), "application/json"));
        String playlist = new String(read("hls/playlist.m3u8"), StandardCharsets.UTF_8);
        for (String line : playlist.split("\n")) {
            String segment = line.trim();
            if (!segment.isEmpty() && !segment.startsWith("#")) {
                files.put(MediaPaths.HLS_FOLDER + segment, ByteSource.of(read("hls/" + segment), "video/mp2t"));
            }
        }
        return new MediaAssets(files, playlist);
    }

    /** The static file or generated stream at {@code path} (the playlist is rendered, see {@link #playlist}). */
    Optional<ByteSource> find(String path) {
        ByteSource file = files.get(path);
        if (file != null) {
            return Optional.of(file);
        }
        Matcher generated = GENERATED.matcher(path);
        if (generated.matches()) {
            long size = Long.parseLong(generated.group(1));
            if (size <= MAX_GENERATED) {
                return Optional.of(ByteSource.generated(size, "video/mp4"));
            }
        }
        return Optional.empty();
    }

    long sampleMp4Size() {
        return files.get(MediaPaths.SAMPLE_MP4).length();
    }

    /**
     * The HLS playlist with each segment URI replaced by {@code segmentUrl.apply(segmentFileName)}: when
     * {@code finished}, the shipped one (type VOD, ending with {@code #EXT-X-ENDLIST}); else as it reads while the
     * recording is still being written: of type EVENT (segments are still being added), without its last segment and
     * without {@code #EXT-X-ENDLIST}.
     */
    String playlist(UnaryOperator<String> segmentUrl, boolean finished) {
        List<String> lines = playlistTemplate.lines().map(String::strip).toList();
        int end = finished ? lines.size() : lastSegmentStart(lines);
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(0, end)) {
            String written = finished || !line.equals(VOD) ? line : EVENT;
            out.append(written.isEmpty() || written.startsWith("#") ? written : segmentUrl.apply(written))
                    .append('\n');
        }
        return out.toString();
    }

    /** The index of the {@code #EXTINF} line of the last segment, where a playlist still being written stops. */
    private static int lastSegmentStart(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("#EXTINF")) {
                return i;
            }
        }
        throw new IllegalStateException("the shipped HLS playlist lists no segment");
    }

    private static byte[] read(String name) {
        try (InputStream in = MediaAssets.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("sandbox media missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox media " + name, e);
        }
    }
}
