package dev.tapedeck.download;

import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Saves an HLS playlist so that it plays offline, whether the provider sent it inline or by URL (see
 * {@link PlaylistText}): every resource it references is fetched through the
 * provider into {@code <name>_segments/00000.<ext>} beside the playlist, and the playlist is written last with
 * its references rewritten to those relative names. Each resource lands under its name by an atomic move, and
 * the playlist appears only after all of them, so a playlist on disk is always complete; a resource folder left
 * without its playlist by a broken run is cleared before the next attempt.
 *
 * <p>What arrives is bounded: the playlist by {@link DownloadOptions#maxPlaylistBytes()} and
 * {@link DownloadOptions#maxPlaylistSegments()}; the resources together by the provider's size, when it gives one,
 * which they must match exactly. Each media segment must look like one (MPEG-TS, fragmented MP4, packed audio) and
 * no side file (init section, key) may be an HTML page or text. Relative URIs resolve against the playlist's base:
 * the URL a fetched playlist was served from, or the base an inline one came with.
 *
 * <p>Only a finished recording is saved: a media playlist without {@code #EXT-X-ENDLIST} (and not of type VOD, see
 * {@link HlsPlaylist#finished()}) is still being written, so its download is {@link TapedeckError.NotReady}, having
 * written nothing, and a later one (or a wait) takes it once it is finished. An inline playlist is first asked for
 * again, once, since it is as old as the listing that carried it.
 *
 * <p>Resources are matched by position, so after a refresh (fresh signed URLs) the download carries on where it
 * was, as long as the refreshed playlist lists as many resources. The fingerprint's size is the playlist plus all
 * resource files; its hash is the playlist file's.
 */
final class HlsDownload {

    private final LiveRecording live;
    private final Transfer transfer;
    private final DownloadOptions options;
    private final String what;
    private Recording parsedFor;
    private HlsPlaylist parsed;
    private Optional<URI> base = Optional.empty();

    HlsDownload(LiveRecording live, Transfer transfer, DownloadOptions options, String what) {
        this.live = live;
        this.transfer = transfer;
        this.options = options;
        this.what = what;
    }

    /** The folder name that holds the resources of playlist {@code playlistName}. */
    static String resourceFolder(String playlistName) {
        return FileNames.baseName(playlistName) + "_segments";
    }

    /**
     * Saves the playlist as {@code playlist} (absent or replaceable) with its resources beside it. When it fails and
     * no copy was in place, the resources fetched so far are deleted: nothing is kept of a copy that is not whole.
     */
    Either<TapedeckError, Fingerprint> save(Path playlist, LongConsumer progress) {
        boolean copyInPlace = Files.exists(playlist, LinkOption.NOFOLLOW_LINKS);
        Either<TapedeckError, Fingerprint> saved = fill(playlist, progress);
        if (saved.isLeft() && !copyInPlace && !Files.exists(playlist, LinkOption.NOFOLLOW_LINKS)) {
            LocalFiles.deleteTreeQuietly(playlist.resolveSibling(resourceFolder(playlist.getFileName().toString())));
        }
        return saved;
    }

    private Either<TapedeckError, Fingerprint> fill(Path playlist, LongConsumer progress) {
        String provider = live.current().provider();
        Either<TapedeckError, HlsPlaylist> first = finishedPlaylist();
        if (first.isLeft()) {
            return Either.left(first.getLeft());
        }
        int count = first.get().resources().size();
        Optional<Long> declared = live.current().sizeBytes();
        String folderName = resourceFolder(playlist.getFileName().toString());
        Path folder = playlist.resolveSibling(folderName);
        List<String> references = new ArrayList<>(count);
        List<String> hashes = new ArrayList<>(count + 1);
        long done = 0;
        try {
            if (!Files.exists(playlist, LinkOption.NOFOLLOW_LINKS)) {
                LocalFiles.deleteTreeQuietly(folder);
            }
            Files.createDirectories(folder);
            for (int i = 0; i < count; i++) {
                String local = String.format("%05d.%s", i, extensionOf(first.get().resources().get(i)));
                Path file = folder.resolve(local);
                Path temp = LocalFiles.partFile(file);
                int index = i;
                long before = done;
                Transfer.Expectation expected = Transfer.Expectation.hlsPart(first.get().isSideFile(i),
                        declared.map(size -> size - before), options.maxRecordingBytes() - before);
                Either<TapedeckError, Fingerprint> fetched;
                try (PartialFile part = PartialFile.fresh(temp, false)) {
                    fetched = transfer.fetch(recording -> resource(recording, index, count), part, expected,
                            bytes -> progress.accept(before + bytes),
                            "segment " + (i + 1) + " of " + count + " of " + what);
                    if (fetched.isRight()) {
                        LocalFiles.moveIntoPlace(temp, file);
                    }
                }
                if (fetched.isLeft()) {
                    return Either.left(fetched.getLeft());
                }
                done += fetched.get().sizeBytes();
                hashes.add(fetched.get().sha256());
                references.add(relativeReference(folderName, local));
            }
            if (declared.isPresent() && declared.get() != done) {
                return Either.left(new TapedeckError.Integrity(provider, what + ": the provider says its segments "
                        + "have " + declared.get() + " bytes but " + done + " arrived; the playlist was not saved, "
                        + "download it again"));
            }
            Either<TapedeckError, HlsPlaylist> latest = playlistOf(live.current()).flatMap(this::finished);
            if (latest.isLeft()) {
                return Either.left(latest.getLeft());
            }
            byte[] text = latest.get().rewrite(references).getBytes(StandardCharsets.UTF_8);
            Path temp = LocalFiles.partFile(playlist);
            LocalFiles.writeSynced(temp, text);
            LocalFiles.moveIntoPlace(temp, playlist);
            long total = done + text.length;
            progress.accept(total);
            hashes.add(0, Hashing.hex(Hashing.sha256().digest(text)));
            return Either.right(new Fingerprint(total, Hashing.ofFiles(hashes)));
        } catch (IOException storage) {
            return Either.left(new TapedeckError.Storage(provider, "could not write the HLS copy of " + what
                    + " in " + playlist.getParent() + ": " + storage + "; check free space and permissions"));
        }
    }

    /** Whether {@code recording} is saved as a playlist with its resources rather than as one file. */
    static boolean handles(Recording recording) {
        return recording.format() == RecordingFormat.HLS || recording.media() instanceof MediaLocation.InlinePlaylist;
    }

    /**
     * The current recording's playlist when it is finished, else NotReady. An inline playlist was read when the
     * recording was listed, which may be long ago (an archive that waits downloads the same listing again and
     * again), so one that is not finished is asked for again first; a playlist by URL is fetched fresh anyway.
     */
    private Either<TapedeckError, HlsPlaylist> finishedPlaylist() {
        Either<TapedeckError, HlsPlaylist> read = playlistOf(live.current());
        if (read.isRight() && !read.get().finished()
                && live.current().media() instanceof MediaLocation.InlinePlaylist) {
            read = live.refreshOnce().flatMap(this::playlistOf);
        }
        return read.flatMap(this::finished);
    }

    /** {@code playlist} if it is finished; else NotReady, since what it lists is only part of the recording. */
    private Either<TapedeckError, HlsPlaylist> finished(HlsPlaylist playlist) {
        if (playlist.finished()) {
            return Either.right(playlist);
        }
        return Either.left(new TapedeckError.NotReady(live.current().provider(), what + ": the HLS playlist has no "
                + "#EXT-X-ENDLIST, so the recording is still being written", Optional.empty()));
    }

    /** The playlist of {@code recording}, read (fetched, for one by URL) once per description of it. */
    private Either<TapedeckError, HlsPlaylist> playlistOf(Recording recording) {
        if (!handles(recording)) {
            return Either.left(new TapedeckError.Integrity(recording.provider(), what + " is no longer an HLS "
                    + "playlist at the provider; download it again"));
        }
        if (recording != parsedFor) {
            Either<TapedeckError, PlaylistText> text = PlaylistText.of(live, options.maxPlaylistBytes(), what);
            if (text.isLeft()) {
                return Either.left(text.getLeft());
            }
            Either<TapedeckError, HlsPlaylist> read = HlsPlaylist.parse(text.get().content(),
                    options.maxPlaylistSegments(), recording.provider(), what);
            if (read.isLeft()) {
                return read;
            }
            parsed = read.get();
            base = text.get().base();
            parsedFor = live.current();
        }
        return Either.right(parsed);
    }

    /**
     * The URI of resource {@code index} in {@code recording}'s playlist, resolved against the playlist's base (the
     * URL it was served from, or the base an inline one came with).
     */
    private Either<TapedeckError, Optional<URI>> resource(Recording recording, int index, int count) {
        return playlistOf(recording).flatMap(playlist -> {
            if (playlist.resources().size() != count) {
                return Either.left(new TapedeckError.Integrity(recording.provider(), what + ": the refreshed "
                        + "playlist lists " + playlist.resources().size() + " resources instead of " + count
                        + "; download it again"));
            }
            String raw = playlist.resources().get(index);
            try {
                URI uri = new URI(raw.strip());
                if (!uri.isAbsolute() && base.isEmpty()) {
                    return Either.left(new TapedeckError.Integrity(recording.provider(), what + ": resource "
                            + (index + 1) + " of the playlist is a relative URI, and the provider gave no URL it is "
                            + "relative to; report it to the provider"));
                }
                return Either.right(Optional.of(uri.isAbsolute() ? uri : base.get().resolve(uri)));
            } catch (URISyntaxException | IllegalArgumentException invalid) {
                return Either.left(new TapedeckError.Integrity(recording.provider(), what + ": resource "
                        + (index + 1) + " of the playlist is not a valid URI"));
            }
        });
    }

    private static String extensionOf(String raw) {
        int query = raw.indexOf('?');
        String path = query < 0 ? raw : raw.substring(0, query);
        String extension = FileNames.extension(path.substring(path.lastIndexOf('/') + 1));
        return extension.matches("[a-z0-9]{1,5}") ? extension : "ts";
    }

    private static String relativeReference(String folderName, String local) {
        try {
            return new URI(null, null, folderName + "/" + local, null).toASCIIString();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException("a sanitised relative path is always a valid URI path", impossible);
        }
    }
}
