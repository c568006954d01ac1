package dev.tapedeck.download;

import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures a downloaded copy on disk the way {@link Downloader} fingerprints it, to check it later: a file's size
 * and SHA-256; for an HLS playlist ({@code .m3u8}), the playlist's SHA-256 and the size of the playlist plus
 * every local file it references, each of which must exist inside the playlist's folder.
 */
public final class LocalCopy {

    private LocalCopy() {
    }

    /** The fingerprint of the copy at {@code path}; Storage when it is missing, unreadable or incomplete. */
    public static Either<TapedeckError, Fingerprint> measure(Path path) {
        try {
            if (!Files.isRegularFile(path)) {
                return Either.left(new TapedeckError.Storage("", path + " is missing"));
            }
            long size = Files.size(path);
            String sha256 = Hashing.sha256Of(path);
            if (FileNames.extension(path.getFileName().toString()).equals("m3u8")) {
                Either<TapedeckError, HlsPlaylist> playlist = HlsPlaylist.parse(
                        Files.readString(path, StandardCharsets.UTF_8), "", path.toString());
                if (playlist.isLeft()) {
                    return Either.left(playlist.getLeft());
                }
                Path folder = path.toAbsolutePath().normalize().getParent();
                for (String reference : playlist.get().resources()) {
                    Path file = local(folder, reference);
                    if (file == null || !Files.isRegularFile(file)) {
                        return Either.left(new TapedeckError.Storage("", path + " references " + reference
                                + ", which is not a file inside " + folder));
                    }
                    size += Files.size(file);
                }
            }
            return Either.right(new Fingerprint(size, sha256));
        } catch (IOException unreadable) {
            return Either.left(new TapedeckError.Storage("", "could not read " + path + ": " + unreadable));
        }
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
