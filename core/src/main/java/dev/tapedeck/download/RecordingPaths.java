package dev.tapedeck.download;

import dev.tapedeck.model.Recording;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule that names a recording on disk: {@code <provider>/<session>/<recording>.<ext>} below the folder a
 * download or an archive writes to, so that a download folder and an archive folder look alike and a recording has
 * the same path in both, in every run, whatever order the provider lists it in.
 *
 * <p>Each of the three ids becomes one path segment by {@link #name(String)}: an id that is already a safe,
 * lower-case name ({@code sess_0001}, {@code 3f2a-9c}) is kept as it is; any other id (upper case, spaces, slashes,
 * dots at the start, control characters, non-ASCII, longer than {@value #MAX_READABLE} characters, a Windows
 * device name, or anything that ends like a hashed name) keeps a readable, sanitised form of its first characters
 * followed by {@code -} and the first {@value #HASH_DIGITS} hex digits of the SHA-256 of the whole id. So two
 * different ids never share a name, also on case-insensitive file systems ({@code Abc} and {@code abc},
 * {@code x/y} and {@code x_y}, {@code x} and {@code .x}, long ids with a common prefix): plain names are lower
 * case and never end in {@code -} and 32 hex digits, hashed names always do, and two hashed names differ in
 * their hashes: 128 bits of SHA-256, so that no one can make two ids meet by searching for a collision (with 32
 * bits, a search of a second found two ids sharing one file). The extension comes from the recording's format (see {@link FileNames}); it never contains a dot,
 * so it cannot make two names meet either.
 *
 * <p>Beside a file, downloads keep only hidden names (a leading dot: temp files, resume notes, locks), and an HLS
 * copy's segments go in the folder {@code <recording>_segments}, which no file name can equal since every file name
 * has an extension.
 */
public final class RecordingPaths {

    /** How many hex digits of the id's SHA-256 a hashed name ends with. */
    public static final int HASH_DIGITS = 32;
    /** The longest id kept as it is, and the most characters of an id that a hashed name keeps readable. */
    public static final int MAX_READABLE = 64;

    private static final int MAX_READABLE_BYTES = 96;
    private static final Pattern PLAIN = Pattern.compile("[a-z0-9_](?:[a-z0-9._-]*[a-z0-9_-])?");
    private static final Pattern LOOKS_HASHED = Pattern.compile(".*-[0-9a-f]{" + HASH_DIGITS + "}");
    /** Names an archive folder uses for itself. */
    private static final Set<String> RESERVED = Set.of("manifest.jsonl");

    private RecordingPaths() {
    }

    /** {@code <provider>/<session>/<file>} with {@code /} separators, relative to the download or archive folder. */
    public static String relativePath(Recording recording) {
        return name(recording.provider()) + "/" + name(recording.sessionId().value()) + "/" + fileName(recording);
    }

    /** Where {@code recording} goes below {@code root}: {@link #relativePath} resolved, absolute and normalised. */
    public static Path resolve(Path root, Recording recording) {
        return root.toAbsolutePath().normalize().resolve(name(recording.provider()))
                .resolve(name(recording.sessionId().value())).resolve(fileName(recording));
    }

    /** The file name of {@code recording}: its id as a {@link #name} plus the extension its format takes. */
    public static String fileName(Recording recording) {
        return name(recording.id().value()) + "." + FileNames.extensionFor(recording);
    }

    /** {@code id} as one path segment, one-to-one across ids; see the class comment. */
    public static String name(String id) {
        Objects.requireNonNull(id, "id");
        if (id.length() <= MAX_READABLE && PLAIN.matcher(id).matches() && !LOOKS_HASHED.matcher(id).matches()
                && !FileNames.isDeviceName(id) && !RESERVED.contains(id)) {
            return id;
        }
        return readable(id) + "-" + Hashing.hex(Hashing.sha256().digest(id.getBytes(StandardCharsets.UTF_8)))
                .substring(0, HASH_DIGITS);
    }

    /**
     * The start of {@code id} with every character a file system or a terminal could mind replaced by {@code _}:
     * letters and digits of any script, {@code -}, {@code _} and inner dots stay.
     */
    private static String readable(String id) {
        StringBuilder out = new StringBuilder();
        id.codePoints().limit(MAX_READABLE).forEach(c -> {
            boolean keep = c == '-' || c == '_' || c == '.' && out.length() > 0 || Character.isLetterOrDigit(c);
            out.appendCodePoint(keep ? c : '_');
        });
        String text = FileNames.cut(out.toString(), MAX_READABLE_BYTES);
        return FileNames.isDeviceName(text) ? "_" + text : text;
    }
}
