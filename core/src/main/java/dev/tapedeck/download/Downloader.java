package dev.tapedeck.download;

import dev.tapedeck.RecordingSource;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Downloads recordings to files, through their provider's {@link RecordingSource#openMedia}.
 *
 * <p>The bytes stream in a fixed 64 KiB buffer to a hidden temp file {@code .<name>.part} in the target folder,
 * hashed (SHA-256) as they pass; the byte count is checked against the server's length and the provider's size
 * ({@link Recording#sizeBytes()}), and only then is the file moved to its final name in one atomic step. So a
 * final name only ever holds a complete, verified file; a failure or an interrupt leaves at most a temp file,
 * which the next download replaces. An existing file is replaced only with {@link DownloadOptions#overwrite()};
 * without it the recording is downloaded beside the file and compared: the same bytes are reported as skipped
 * (with the existing file's size and SHA-256), other bytes as a {@link TapedeckError.Storage} failure, and the
 * existing file is never touched.
 * A broken transfer resumes with a range request (see {@code Transfer}), and an expired or refused URL is
 * refreshed from the provider once. Names from providers go through {@link FileNames}. HLS playlists are saved
 * with their segments so they play offline (see {@code HlsDownload}).
 *
 * <p>Never throws for an expected failure: every outcome is a {@link DownloadResult}. Thread-safe; each call
 * works on its own files.
 */
public final class Downloader {

    private final RecordingSource source;
    private final Clock clock;
    private final DownloadOptions options;

    /** A downloader through {@code source}, reading expiry times from {@code clock}. */
    public Downloader(RecordingSource source, Clock clock, DownloadOptions options) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A downloader with the system clock and {@link DownloadOptions#defaults()}. */
    public static Downloader of(RecordingSource source) {
        return new Downloader(source, Clock.systemUTC(), DownloadOptions.defaults());
    }

    /** This downloader with other options. */
    public Downloader withOptions(DownloadOptions value) {
        return new Downloader(source, clock, value);
    }

    /** The options in force. */
    public DownloadOptions options() {
        return options;
    }

    /** Downloads {@code recording} into {@code folder} under {@link FileNames#forRecording(Recording)}. */
    public DownloadResult download(Recording recording, Path folder, DownloadListener listener) {
        return download(recording, folder, FileNames.forRecording(recording), listener);
    }

    /**
     * Downloads {@code recording} into {@code folder} (created if missing) as {@code fileName}, which is
     * sanitised like a provider's name. For an HLS playlist {@code fileName} names the playlist.
     */
    public DownloadResult download(Recording recording, Path folder, String fileName, DownloadListener listener) {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(listener, "listener");
        Path dir = folder.toAbsolutePath().normalize();
        String name = FileNames.forRecording(recording, fileName);
        Path target = dir.resolve(name).normalize();
        boolean hls = recording.media() instanceof MediaLocation.InlinePlaylist;
        listener.started(recording, hls ? Optional.empty() : recording.sizeBytes());
        Either<TapedeckError, Path> inside = FileNames.resolveInside(dir, name);
        if (inside.isLeft()) {
            return fail(recording, target, name, inside.getLeft(), listener);
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return fail(recording, target, name, new TapedeckError.Storage(recording.provider(), target
                    + " is a folder; move it away or download into another folder"), listener);
        }
        boolean keepExisting = Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !options.overwrite();
        Either<TapedeckError, Path> created = createFolder(recording.provider(), dir);
        if (created.isLeft()) {
            return fail(recording, target, name, created.getLeft(), listener);
        }
        LiveRecording live = new LiveRecording(source, recording, clock);
        Transfer transfer = new Transfer(live, options.maxAttempts());
        Progress progress = new Progress(listener);
        String what = describe(recording);
        if (keepExisting) {
            return compareWithExisting(recording, live, transfer, target, name, progress, what, listener);
        }
        Either<TapedeckError, Fingerprint> saved = hls
                ? new HlsDownload(live, transfer, what).save(target, progress)
                : fetchFile(live, transfer, LocalFiles.partFile(target), progress, what)
                        .flatMap(fetched -> place(live, target, fetched, what));
        if (saved.isLeft()) {
            return fail(recording, target, name, saved.getLeft(), listener);
        }
        DownloadResult result = DownloadResult.downloaded(recording, target, name, saved.get());
        listener.finished(result);
        return result;
    }

    /**
     * Downloads beside an existing copy that must not be replaced, and compares: the same bytes make a skip (the
     * copy is complete, e.g. after a crash before its manifest line), other bytes a failure. Either way the
     * existing copy stays as it is and the fresh one is deleted. A file goes through its usual temp file; an HLS
     * copy, being several files, through a staging folder, so that its segments never mix with the existing ones.
     */
    private DownloadResult compareWithExisting(Recording recording, LiveRecording live, Transfer transfer,
            Path target, String name, Progress progress, String what, DownloadListener listener) {
        boolean hls = recording.media() instanceof MediaLocation.InlinePlaylist;
        Path fresh = hls ? LocalFiles.stagingFolder(target).resolve(name) : LocalFiles.partFile(target);
        Either<TapedeckError, Boolean> same;
        Either<TapedeckError, Fingerprint> existing;
        try {
            Either<TapedeckError, Fingerprint> saved;
            if (hls) {
                LocalFiles.deleteTreeQuietly(fresh.getParent());
                saved = createFolder(recording.provider(), fresh.getParent())
                        .flatMap(ok -> new HlsDownload(live, transfer, what).save(fresh, progress));
            } else {
                saved = fetchFile(live, transfer, fresh, progress, what);
            }
            if (saved.isLeft()) {
                return fail(recording, target, name, saved.getLeft(), listener);
            }
            existing = LocalCopy.measure(target);
            same = hls ? LocalCopy.sameContent(target, fresh) : existing.map(saved.get()::equals);
        } finally {
            if (hls) {
                LocalFiles.deleteTreeQuietly(fresh.getParent());
            } else {
                LocalFiles.deleteQuietly(fresh);
            }
        }
        if (same.isRight() && same.get() && existing.isRight()) {
            DownloadResult result = DownloadResult.skipped(recording, target, name, existing.get());
            listener.finished(result);
            return result;
        }
        String why = same.isLeft() ? " (" + same.getLeft().message() + ")"
                : existing.isLeft() ? " (" + existing.getLeft().message() + ")" : "";
        return fail(recording, target, name, new TapedeckError.Storage(recording.provider(), target
                + " already exists with different content" + why + "; it was left as it is, pass --overwrite "
                + "(DownloadOptions.overwrite) to replace it"), listener);
    }

    private static Either<TapedeckError, Path> createFolder(String provider, Path folder) {
        return LocalFiles.createFolder(provider, folder, "the folder");
    }

    /**
     * Fetches a whole file into {@code temp} and checks its size against the provider's; {@code temp} is deleted
     * on failure and left for the caller on success.
     */
    private static Either<TapedeckError, Fingerprint> fetchFile(LiveRecording live, Transfer transfer, Path temp,
            Progress progress, String what) {
        Either<TapedeckError, Fingerprint> fetched = transfer.fetch(recording -> wholeFile(recording, what), temp,
                progress, what);
        if (fetched.isRight()) {
            Optional<Long> promised = live.current().sizeBytes();
            if (promised.isPresent() && promised.get() != fetched.get().sizeBytes()) {
                fetched = Either.left(new TapedeckError.Integrity(live.current().provider(), what + ": the provider "
                        + "says it has " + promised.get() + " bytes but " + fetched.get().sizeBytes()
                        + " arrived; the file was not kept, download it again"));
            }
        }
        if (fetched.isLeft()) {
            LocalFiles.deleteQuietly(temp);
        }
        return fetched;
    }

    /** Moves a fetched temp file to its final name. */
    private static Either<TapedeckError, Fingerprint> place(LiveRecording live, Path target, Fingerprint fetched,
            String what) {
        Path temp = LocalFiles.partFile(target);
        try {
            LocalFiles.moveIntoPlace(temp, target);
            return Either.right(fetched);
        } catch (IOException storage) {
            LocalFiles.deleteQuietly(temp);
            return Either.left(new TapedeckError.Storage(live.current().provider(), "could not move the download "
                    + "of " + what + " into place as " + target + ": " + storage));
        }
    }

    private static Either<TapedeckError, Optional<URI>> wholeFile(Recording recording, String what) {
        if (recording.media() instanceof MediaLocation.InlinePlaylist) {
            return Either.left(new TapedeckError.Integrity(recording.provider(), what + " is now an HLS playlist "
                    + "at the provider; download it again"));
        }
        return Either.right(Optional.empty());
    }

    private static DownloadResult fail(Recording recording, Path target, String name, TapedeckError error,
            DownloadListener listener) {
        listener.failed(error);
        return DownloadResult.failed(recording, target, name, error);
    }

    private static String describe(Recording recording) {
        return "recording " + recording.id() + " of session " + recording.sessionId() + " at "
                + recording.provider();
    }
}
