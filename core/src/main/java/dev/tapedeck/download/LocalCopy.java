package dev.tapedeck.download;

import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures a downloaded copy on disk the way {@link Downloader} fingerprints it, to check it later: a file's size
 * and SHA-256; for an HLS playlist ({@code .m3u8}), the size of the playlist plus every local file it references,
 * each of which must exist inside the playlist's folder (and the playlist must be finished: one without
 * {@code #EXT-X-ENDLIST} is only part of a recording), and one SHA-256 over the SHA-256 of each of those files in
 * order, so a changed segment changes it; and compares two copies byte for byte through their hashes.
 */
public final class LocalCopy {

    private LocalCopy() {
    }

    /** The fingerprint of the copy at {@code path}; Storage when it is missing, unreadable or incomplete. */
    public static Either<TapedeckError, Fingerprint> measure(Path path) {
        Either<TapedeckError, List<Path>> files = files(path);
        if (files.isLeft()) {
            return Either.left(files.getLeft());
        }
        try {
            long size = 0;
            List<String> hashes = new ArrayList<>(files.get().size());
            for (Path file : files.get()) {
                size += Files.size(file);
                hashes.add(Hashing.sha256Of(file));
            }
            return Either.right(new Fingerprint(size, playlist(path) ? Hashing.ofFiles(hashes) : hashes.get(0)));
        } catch (IOException unreadable) {
            return Either.left(unreadable(path, unreadable));
        }
    }

    /**
     * Whether {@code recorded}, what a manifest recorded for the copy at {@code path}, still holds for
     * {@code measured}, the copy as it is now: the same fingerprint; or, for an HLS copy recorded by an earlier
     * version, which hashed the playlist alone, the same size and that playlist hash (its segments are then taken on
     * trust once, as that version took them).
     */
    public static boolean matches(Path path, Fingerprint recorded, Fingerprint measured) {
        if (recorded.equals(measured)) {
            return true;
        }
        if (!playlist(path) || recorded.sizeBytes() != measured.sizeBytes()) {
            return false;
        }
        try {
            return Hashing.sha256Of(path).equals(recorded.sha256());
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static boolean playlist(Path path) {
        return FileNames.extension(path.getFileName().toString()).equals("m3u8");
    }

    /**
     * Whether the copies at {@code one} and {@code other} hold the same bytes: the same file, and for an HLS
     * playlist also the same bytes in every file it references. Left when either cannot be read completely.
     */
    public static Either<TapedeckError, Boolean> sameContent(Path one, Path other) {
        return measure(one).flatMap(first -> measure(other).map(first::equals));
    }

    /** The files a copy consists of: the file itself, then for a playlist every local file it references. */
    private static Either<TapedeckError, List<Path>> files(Path path) {
        try {
            if (!Files.isRegularFile(path)) {
                return Either.left(new TapedeckError.Storage("", path + " is missing"));
            }
            List<Path> files = new ArrayList<>();
            files.add(path);
            if (playlist(path)) {
                Either<TapedeckError, HlsPlaylist> playlist = HlsPlaylist.parse(
                        Files.readString(path, StandardCharsets.UTF_8), Integer.MAX_VALUE, "", path.toString());
                if (playlist.isLeft()) {
                    return Either.left(playlist.getLeft());
                }
                if (!playlist.get().finished()) {
                    // Saved by a version that took a live playlist for a finished recording: only part of it.
                    return Either.left(new TapedeckError.Storage("", path + " is an HLS playlist without "
                            + "#EXT-X-ENDLIST, saved while the recording was still being written: only a part of it"));
                }
                Path folder = path.toAbsolutePath().normalize().getParent();
                for (String reference : playlist.get().resources()) {
                    Path file = local(folder, reference);
                    if (file == null || !Files.isRegularFile(file)) {
                        return Either.left(new TapedeckError.Storage("", path + " references " + reference
                                + ", which is not a file inside " + folder));
                    }
                    files.add(file);
                }
            }
            return Either.right(files);
        } catch (IOException unreadable) {
            return Either.left(unreadable(path, unreadable));
        }
    }

    private static TapedeckError unreadable(Path path, IOException cause) {
        return new TapedeckError.Storage("", "could not read " + path + ": " + cause);
    }

    private static Path local(Path folder, String reference) {
        try {
            URI uri = new URI(reference);
            if (uri.isAbsolute() || uri.getPath() == null) {
                return null;
            }
            Path file = folder.resolve(uri.getPath()).normalize();
            return file.startsWith(folder) ? file : null;
        } catch (URISyntaxException | java.nio.file.InvalidPathException invalid) {
            return null;
        }
    }
}
