package dev.tapedeck.download;

import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Safe local file names from names that providers (or their users) chose.
 *
 * <p>A name keeps only its last path segment (after {@code /} or {@code \}); control and bidi-override characters
 * are dropped; {@code < > : " | ? *} become {@code _}; leading dots and spaces and trailing dots and spaces are
 * trimmed (so {@code ..} and hidden names vanish); Windows device names get a {@code _} prefix; and the name is
 * cut to {@value #MAX_BYTES} UTF-8 bytes keeping its extension. So {@code ../../x.mp4} becomes {@code x.mp4}.
 * When nothing usable is left, a recording is named {@code <session>-<recording>.<ext>}. A recording's name
 * always ends in an extension that suits its format, appended when the provider's does not.
 */
public final class FileNames {

    /** The longest name produced, in UTF-8 bytes: room for the {@code .<name>.part} temp name within 255. */
    public static final int MAX_BYTES = 200;

    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
            "LPT8", "LPT9");
    private static final Set<String> AUDIO = Set.of("mp3", "wav", "m4a", "aac", "ogg", "oga", "opus", "flac",
            "webm", "mp4");

    private FileNames() {
    }

    /** The local name for {@code recording}: the provider's suggested name, sanitised, else the fallback. */
    public static String forRecording(Recording recording) {
        return forRecording(recording, recording.fileName().orElse(""));
    }

    /** {@code requested} made safe for {@code recording}, falling back to {@code <session>-<recording>.<ext>}. */
    public static String forRecording(Recording recording, String requested) {
        String name = segment(requested).orElseGet(() -> idSegment(recording.sessionId().value()).orElse("session")
                + "-" + idSegment(recording.id().value()).orElse("recording"));
        Set<String> accepted = acceptedExtensions(recording);
        String extension = extension(name);
        if (!accepted.contains(extension)) {
            name = name + "." + defaultExtension(recording);
        }
        return limit(name);
    }

    /** {@code raw} as one safe path segment, or empty when nothing usable remains. */
    public static Optional<String> segment(String raw) {
        String last = raw.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        StringBuilder out = new StringBuilder(last.length());
        last.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || isBidiControl(c)) {
                return;
            }
            out.appendCodePoint("<>:\"|?*".indexOf(c) >= 0 ? '_' : c);
        });
        String name = trim(out.toString());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        int dot = name.indexOf('.');
        if (DEVICE_NAMES.contains((dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT))) {
            name = "_" + name;
        }
        return Optional.of(limit(name));
    }

    /**
     * An identifier (a provider or session id) as one safe path segment: like {@link #segment} but path
     * separators become {@code _} instead of cutting the id, so {@code a/b} and {@code b} stay apart.
     */
    public static Optional<String> idSegment(String id) {
        return segment(id.replace('/', '_').replace('\\', '_'));
    }

    /**
     * {@code dir.resolve(name)}, checked to stay directly inside {@code dir}; a {@link TapedeckError.Storage}
     * error otherwise. Pass names from {@link #segment} or {@link #forRecording}.
     */
    public static Either<TapedeckError, Path> resolveInside(Path dir, String name) {
        Path base = dir.toAbsolutePath().normalize();
        try {
            Path file = base.resolve(name).normalize();
            if (file.startsWith(base) && base.equals(file.getParent())) {
                return Either.right(file);
            }
        } catch (InvalidPathException invalid) {
            // reported below
        }
        return Either.left(new TapedeckError.Storage("", "refusing the file name '" + name + "': it does not stay "
                + "inside " + base));
    }

    /** The lower-case extension of {@code name}, or an empty string. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** {@code name} without its extension. */
    static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static Set<String> acceptedExtensions(Recording recording) {
        if (recording.media() instanceof MediaLocation.InlinePlaylist) {
            return Set.of("m3u8");
        }
        switch (recording.format()) {
            case MP4:
                return Set.of("mp4", "m4v");
            case WEBM:
                return Set.of("webm");
            case HLS:
                return Set.of("m3u8");
            case AUDIO:
                return AUDIO;
            default:
                return Set.of(urlExtension(recording).orElse("bin"));
        }
    }

    private static String defaultExtension(Recording recording) {
        if (recording.media() instanceof MediaLocation.InlinePlaylist) {
            return "m3u8";
        }
        switch (recording.format()) {
            case MP4:
                return "mp4";
            case WEBM:
                return "webm";
            case HLS:
                return "m3u8";
            case AUDIO:
                return urlExtension(recording).filter(AUDIO::contains).orElse("audio");
            default:
                return urlExtension(recording).orElse("bin");
        }
    }

    /** The extension of the media URL's last path segment, when it looks like one. */
    private static Optional<String> urlExtension(Recording recording) {
        if (!(recording.media() instanceof MediaLocation.RemoteUrl)) {
            return Optional.empty();
        }
        String path = ((MediaLocation.RemoteUrl) recording.media()).uri().getPath();
        String extension = path == null ? "" : extension(path.substring(path.lastIndexOf('/') + 1));
        return extension.matches("[a-z0-9]{1,5}") ? Optional.of(extension) : Optional.empty();
    }

    private static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F
                || c == 0xFEFF;
    }

    private static String trim(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || Character.isWhitespace(name.charAt(start)))) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static String limit(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        String extension = extension(name);
        String suffix = extension.isEmpty() || extension.length() > 16 ? "" : "." + name.substring(name.length()
                - extension.length());
        String base = suffix.isEmpty() ? name : name.substring(0, name.length() - suffix.length());
        int budget = MAX_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < base.length(); ) {
            int c = base.codePointAt(i);
            int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            out.appendCodePoint(c);
            used += size;
            i += Character.charCount(c);
        }
        return trim(out.toString()) + suffix;
    }
}
