package dev.tapedeck.download;

import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Safe local file names from names that providers (or their users) chose, and the extension a recording's file
 * gets.
 *
 * <p>A name keeps only its last path segment (after {@code /} or {@code \}); control and bidi-override characters
 * are dropped; {@code < > : " | ? *} become {@code _}; leading dots and spaces and trailing dots and spaces are
 * trimmed (so {@code ..} and hidden names vanish); Windows device names get a {@code _} prefix; and the name is
 * cut to {@value #MAX_BYTES} UTF-8 bytes keeping its extension. So {@code ../../x.mp4} becomes {@code x.mp4}.
 *
 * <p>A recording's extension suits its format: the one the provider declares (in its suggested file name, else in
 * its media URL) when the format allows it, such as {@code .wav} for audio or {@code .json} for events, else the
 * format's own ({@code mp4}, {@code webm}, {@code m3u8}, {@code audio}, {@code json}, {@code bin}). A recording of
 * format OTHER keeps any extension the provider declares except those of programs and scripts.
 */
public final class FileNames {

    /** The longest name produced, in UTF-8 bytes: room for the {@code .<name>.part} temp name within 255. */
    public static final int MAX_BYTES = 200;

    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
            "LPT8", "LPT9");
    private static final Pattern PLAUSIBLE_EXTENSION = Pattern.compile("[a-z0-9]{1,8}");
    private static final Set<String> AUDIO = Set.of("mp3", "wav", "m4a", "aac", "ogg", "oga", "opus", "flac",
            "webm", "mp4");
    private static final Set<String> EVENTS = Set.of("json", "jsonl", "ndjson");
    // A recording is never saved so that a double click runs it.
    private static final Set<String> PROGRAMS = Set.of("exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp",
            "dll", "so", "dylib", "jar", "app", "ps1", "psm1", "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "lnk",
            "url", "desktop", "sh", "bash", "zsh", "command", "reg", "cpl", "scf", "inf");

    private FileNames() {
    }

    /**
     * {@code requested} made safe for {@code recording}, falling back to {@code <session>-<recording>} when nothing
     * usable is left, and ending in an extension that suits the recording (appended when the name's does not).
     */
    public static String forRecording(Recording recording, String requested) {
        String name = segment(requested).orElseGet(() -> RecordingPaths.name(recording.sessionId().value()) + "-"
                + RecordingPaths.name(recording.id().value()));
        if (!fits(recording).test(extension(name))) {
            name = name + "." + extensionFor(recording);
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
        if (isDeviceName(name)) {
            name = "_" + name;
        }
        return Optional.of(limit(name));
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

    /** The extension (without the dot) that {@code recording}'s file gets; see the class comment. */
    static String extensionFor(Recording recording) {
        if (recording.media() instanceof MediaLocation.InlinePlaylist) {
            return "m3u8";
        }
        Predicate<String> fits = fits(recording);
        return recording.fileName().map(FileNames::extension).filter(fits)
                .or(() -> urlExtension(recording).filter(fits))
                .orElseGet(() -> defaultExtension(recording.format()));
    }

    /** Whether Windows reserves {@code name} for a device, whatever its case and extension ({@code nul.txt}). */
    static boolean isDeviceName(String name) {
        int dot = name.indexOf('.');
        return DEVICE_NAMES.contains((dot < 0 ? name : name.substring(0, dot)).strip().toUpperCase(Locale.ROOT));
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

    /** {@code name} cut to {@value #MAX_BYTES} UTF-8 bytes, keeping a short extension. */
    static String limit(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        String extension = extension(name);
        String suffix = extension.isEmpty() || extension.length() > 16 ? "" : "." + name.substring(name.length()
                - extension.length());
        String base = suffix.isEmpty() ? name : name.substring(0, name.length() - suffix.length());
        return trim(cut(base, MAX_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length)) + suffix;
    }

    /** The longest prefix of {@code text} of whole code points within {@code maxBytes} UTF-8 bytes. */
    static String cut(String text, int maxBytes) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (used + size > maxBytes) {
                break;
            }
            out.appendCodePoint(c);
            used += size;
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static Predicate<String> fits(Recording recording) {
        if (recording.media() instanceof MediaLocation.InlinePlaylist) {
            return "m3u8"::equals;
        }
        return fits(recording.format());
    }

    private static Predicate<String> fits(RecordingFormat format) {
        switch (format) {
            case MP4:
                return Set.of("mp4", "m4v", "mov")::contains;
            case WEBM:
                return Set.of("webm", "mkv")::contains;
            case HLS:
                return "m3u8"::equals;
            case AUDIO:
                return AUDIO::contains;
            case EVENTS:
                return EVENTS::contains;
            default:
                return extension -> PLAUSIBLE_EXTENSION.matcher(extension).matches() && !PROGRAMS.contains(extension);
        }
    }

    private static String defaultExtension(RecordingFormat format) {
        switch (format) {
            case MP4:
                return "mp4";
            case WEBM:
                return "webm";
            case HLS:
                return "m3u8";
            case AUDIO:
                return "audio";
            case EVENTS:
                return "json";
            default:
                return "bin";
        }
    }

    /** The extension of the media URL's last path segment, when it looks like one. */
    private static Optional<String> urlExtension(Recording recording) {
        if (!(recording.media() instanceof MediaLocation.RemoteUrl)) {
            return Optional.empty();
        }
        String path = ((MediaLocation.RemoteUrl) recording.media()).uri().getPath();
        String extension = path == null ? "" : extension(path.substring(path.lastIndexOf('/') + 1));
        return PLAUSIBLE_EXTENSION.matcher(extension).matches() ? Optional.of(extension) : Optional.empty();
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
}
