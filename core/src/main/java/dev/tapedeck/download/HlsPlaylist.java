package dev.tapedeck.download;

import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HLS media playlist read for copying: the distinct resources it references (segment lines, and the
 * {@code URI} attributes of {@code #EXT-X-MAP} and {@code #EXT-X-KEY}, its side files), whether it is
 * {@linkplain #finished() finished}, and the same text with those references replaced. Every other line is kept as
 * it is. Master playlists (variant streams) are refused, and so is a playlist that references more resources than
 * its reader allows.
 */
final class HlsPlaylist {

    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");
    private static final String PLAYLIST_TYPE = "#EXT-X-PLAYLIST-TYPE:";

    /** One line; {@code resource} is the index of what it references, or -1. */
    private record Line(String text, int resource, int start, int end) {
    }

    private final List<Line> lines;
    private final List<String> resources;
    private final Set<Integer> sideFiles;
    private final boolean finished;

    private HlsPlaylist(List<Line> lines, List<String> resources, Set<Integer> sideFiles, boolean finished) {
        this.lines = lines;
        this.resources = resources;
        this.sideFiles = sideFiles;
        this.finished = finished;
    }

    /**
     * Reads {@code content}, which may reference at most {@code maxResources} distinct resources; {@code provider}
     * and {@code what} are for the error message.
     */
    static Either<TapedeckError, HlsPlaylist> parse(String content, int maxResources, String provider,
            String what) {
        if (!content.stripLeading().startsWith("#EXTM3U") && !content.startsWith("\uFEFF#EXTM3U")) {
            return Either.left(new TapedeckError.Integrity(provider, what + " is not an HLS playlist: it does not "
                    + "start with #EXTM3U (an error page or other text came instead); nothing was kept, try again "
                    + "later"));
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> indexes = new LinkedHashMap<>();
        Set<Integer> sideFiles = new HashSet<>();
        boolean finished = false;
        for (String text : content.split("\r?\n", -1)) {
            String trimmed = text.strip();
            if (trimmed.startsWith("#EXT-X-STREAM-INF") || trimmed.startsWith("#EXT-X-I-FRAME-STREAM-INF")) {
                return Either.left(new TapedeckError.Unsupported(provider, "HLS master playlists",
                        what + " is an HLS master playlist (variant streams); only media playlists can be saved"));
            }
            finished |= ends(trimmed);
            if (trimmed.isEmpty()) {
                lines.add(new Line(text, -1, 0, 0));
            } else if (!trimmed.startsWith("#")) {
                int index = indexes.computeIfAbsent(trimmed, key -> indexes.size());
                int start = text.indexOf(trimmed);
                lines.add(new Line(text, index, start, start + trimmed.length()));
            } else if (referencesResource(trimmed)) {
                Matcher uri = URI_ATTRIBUTE.matcher(text);
                if (uri.find()) {
                    int index = indexes.computeIfAbsent(uri.group(1), key -> indexes.size());
                    sideFiles.add(index);
                    lines.add(new Line(text, index, uri.start(1), uri.end(1)));
                } else {
                    lines.add(new Line(text, -1, 0, 0));
                }
            } else {
                lines.add(new Line(text, -1, 0, 0));
            }
            if (indexes.size() > maxResources) {
                return Either.left(new TapedeckError.Integrity(provider, what + ": the HLS playlist references more "
                        + "than " + maxResources + " segments and other files, the most a download takes; nothing "
                        + "was kept (raise DownloadOptions.maxPlaylistSegments if the recording really is that long)"));
            }
        }
        return Either.right(new HlsPlaylist(List.copyOf(lines), List.copyOf(indexes.keySet()), Set.copyOf(sideFiles),
                finished));
    }

    /**
     * Whether {@code tag} says the playlist will not grow. {@code #EXT-X-ENDLIST} does. So does
     * {@code #EXT-X-PLAYLIST-TYPE:VOD} without it: RFC 8216 says a VOD playlist cannot change (4.3.3.5) and need not
     * be reloaded (6.3.4), so it already lists every segment there will be, and ffmpeg, for one, publishes a VOD
     * playlist only once, at the end, leaving the ENDLIST out when told to; waiting for a tag that never comes would
     * keep a finished recording waiting forever. An EVENT playlist, or one with no type, grows until its ENDLIST.
     */
    private static boolean ends(String tag) {
        return tag.equals("#EXT-X-ENDLIST") || (tag.startsWith(PLAYLIST_TYPE)
                && tag.substring(PLAYLIST_TYPE.length()).strip().equals("VOD"));
    }

    private static boolean referencesResource(String tag) {
        return tag.startsWith("#EXT-X-MAP:")
                || tag.startsWith("#EXT-X-KEY:") && !tag.toUpperCase(Locale.ROOT).contains("METHOD=NONE");
    }

    /** The distinct resources referenced, as written, in order of first reference. */
    List<String> resources() {
        return resources;
    }

    /**
     * Whether the recording is complete as listed: the playlist has {@code #EXT-X-ENDLIST} (or is of type VOD).
     * Without it the playlist is live: the recording is still being written, and what it lists is only a part.
     */
    boolean finished() {
        return finished;
    }

    /** Whether resource {@code index} is a side file (an init section or a key) rather than a media segment. */
    boolean isSideFile(int index) {
        return sideFiles.contains(index);
    }

    /** The playlist with resource {@code i} replaced by {@code references.get(i)}. */
    String rewrite(List<String> references) {
        if (references.size() != resources.size()) {
            throw new IllegalArgumentException(resources.size() + " references needed, got " + references.size());
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.resource() < 0) {
                out.append(line.text());
            } else {
                out.append(line.text(), 0, line.start()).append(references.get(line.resource()))
                        .append(line.text(), line.end(), line.text().length());
            }
            if (i < lines.size() - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
