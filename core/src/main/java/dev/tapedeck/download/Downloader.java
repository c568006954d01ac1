package dev.tapedeck.download;

import dev.tapedeck.RecordingSource;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
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
import java.util.function.Function;

/**
 * Downloads recordings to files, through their provider's {@link RecordingSource#openMedia}.
 *
 * <p>A recording goes to {@code <folder>/<provider>/<session>/<recording>.<ext>} ({@link RecordingPaths}, the rule
 * the archive uses too), or under a name the caller chooses. The bytes stream in a fixed 64 KiB buffer to a hidden
 * temp file {@code .<name>.part} beside the final name, hashed (SHA-256) as they pass. Before anything is kept the
 * body must be what the recording's format expects ({@link dev.tapedeck.model.RecordingFormat}): an HTML page, text
 * or JSON where media belongs is refused and named ("an HTML page, 98 bytes"), and an event recording must be
 * well-formed JSON. The byte count is checked against the server's length and the provider's size
 * ({@link Recording#sizeBytes()}), and only then is the file moved to its final name in one atomic step. So a
 * final name only ever holds a complete, verified file.
 *
 * <p>A broken transfer, or a body that ends early, resumes within the run with a range request guarded by the
 * server's validator (see {@code Transfer}); an expired or refused URL is refreshed from the provider once. When a
 * download is interrupted or runs out of attempts, its temp file stays with a small hidden note
 * ({@code .<name>.resume}: provider, session, recording, validator, bytes synced; never the URL), and the next
 * download of the same recording, in this process or a later one, goes on from there with {@code Range} and
 * {@code If-Range}, starting over only when the server's validator changed or it ignores ranges. Refused content
 * leaves nothing behind.
 *
 * <p>While a recording downloads, its hidden lock file {@code .<name>.lock} is held with an operating-system lock
 * ({@link LockFile}), so two downloads of one recording into one folder (two threads, or two processes) never
 * write the same temp file: the second fails at once with {@link TapedeckError.InUse}, touching nothing.
 *
 * <p>An existing file is replaced only with {@link DownloadOptions#overwrite()}; without it the file is kept and
 * checked without fetching anything: against the size the provider declares and, when a manifest recorded the file,
 * against its size and SHA-256. With {@link DownloadOptions#verifyExisting()} the recording is downloaded beside the
 * file and compared byte for byte instead. A copy that checks out is reported as skipped (with its size and
 * SHA-256), any other as a {@link TapedeckError.Storage} failure; the existing file is never touched.
 * HLS playlists are saved with their segments so they play offline (see {@code HlsDownload}).
 *
 * <p>Every call returns an {@code Either}, like every other call of the API: right with the {@link DownloadResult} of
 * a file that is in place (downloaded or skipped), left with the {@link TapedeckError} of a download that failed,
 * which left nothing under the final name. It never throws for an expected failure; for an exception instead, wrap
 * the call in {@link dev.tapedeck.model.TapedeckException#orThrow}. Thread-safe.
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

    /**
     * Downloads {@code recording} below {@code folder} (created if missing) as
     * {@code <provider>/<session>/<recording>.<ext>}, see {@link RecordingPaths}; the result's relative path is
     * that, relative to {@code folder}.
     */
    public Either<TapedeckError, DownloadResult> download(Recording recording, Path folder,
            DownloadListener listener) {
        return download(recording, folder, Optional.empty(), listener);
    }

    /**
     * {@link #download(Recording, Path, DownloadListener)}, where {@code recorded} is what a manifest recorded for
     * the file earlier: a copy already in place must match it to be skipped.
     */
    public Either<TapedeckError, DownloadResult> download(Recording recording, Path folder,
            Optional<Fingerprint> recorded, DownloadListener listener) {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(recorded, "recorded");
        Path dir = folder.toAbsolutePath().normalize();
        return save(recording, RecordingPaths.resolve(dir, recording), RecordingPaths.relativePath(recording),
                recorded, listener);
    }

    /**
     * Downloads {@code recording} into {@code folder} (created if missing) as {@code fileName}, which is
     * sanitised like a provider's name and given an extension that suits the recording. For an HLS playlist
     * {@code fileName} names the playlist.
     */
    public Either<TapedeckError, DownloadResult> download(Recording recording, Path folder, String fileName,
            DownloadListener listener) {
        Objects.requireNonNull(recording, "recording");
        Path dir = folder.toAbsolutePath().normalize();
        String name = FileNames.forRecording(recording, fileName);
        Either<TapedeckError, Path> inside = FileNames.resolveInside(dir, name);
        if (inside.isLeft()) {
            Objects.requireNonNull(listener, "listener").started(recording, Optional.empty());
            return fail(inside.getLeft(), listener);
        }
        return save(recording, inside.get(), name, Optional.empty(), listener);
    }

    private Either<TapedeckError, DownloadResult> save(Recording recording, Path target, String relative,
            Optional<Fingerprint> recorded, DownloadListener listener) {
        Objects.requireNonNull(listener, "listener");
        boolean hls = recording.media() instanceof MediaLocation.InlinePlaylist;
        listener.started(recording, hls ? Optional.empty() : recording.sizeBytes());
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return fail(new TapedeckError.Storage(recording.provider(), target
                    + " is a folder; move it away or download into another folder"), listener);
        }
        Either<TapedeckError, Path> created = LocalFiles.createFolder(recording.provider(), target.getParent(),
                "the folder");
        if (created.isLeft()) {
            return fail(created.getLeft(), listener);
        }
        Optional<LockFile> lock;
        try {
            lock = LockFile.tryAcquire(LocalFiles.lockFile(target), true);
        } catch (IOException storage) {
            return fail(storageError(recording.provider(), "could not create the lock "
                    + "file beside " + target + ": " + storage + "; check the folder's permissions"), listener);
        }
        if (lock.isEmpty()) {
            return fail(new TapedeckError.InUse(recording.provider(), "another "
                    + "tapedeck run is downloading " + target + " right now; let it finish, then run this again"),
                    listener);
        }
        try (LockFile held = lock.get()) {
            return saveLocked(recording, target, relative, recorded, listener);
        }
    }

    private Either<TapedeckError, DownloadResult> saveLocked(Recording recording, Path target, String relative,
            Optional<Fingerprint> recorded, DownloadListener listener) {
        boolean hls = recording.media() instanceof MediaLocation.InlinePlaylist;
        boolean keepExisting = Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !options.overwrite();
        LiveRecording live = new LiveRecording(source, recording, clock);
        Transfer transfer = new Transfer(live, options.maxAttempts());
        Progress progress = new Progress(listener);
        String what = describe(recording);
        if (keepExisting && !options.verifyExisting()) {
            return checkExisting(recording, target, relative, recorded, listener);
        }
        if (keepExisting) {
            return compareWithExisting(recording, live, transfer, target, relative, progress, what, listener);
        }
        Either<TapedeckError, Fingerprint> saved = hls
                ? new HlsDownload(live, transfer, options, what).save(target, progress)
                : fetchFile(live, transfer, target, progress, what, fetched -> place(live, target, fetched, what));
        if (saved.isLeft()) {
            return fail(saved.getLeft(), listener);
        }
        DownloadResult result = DownloadResult.downloaded(recording, target, relative, saved.get());
        listener.finished(result);
        return Either.right(result);
    }

    /**
     * Checks an existing copy that must not be replaced without fetching anything: it must be complete (an HLS
     * playlist with every file it references), have the size the provider declares for a single file, and match what
     * a manifest {@code recorded}. So a re-run costs one listing call, not the recording's bytes.
     */
    private Either<TapedeckError, DownloadResult> checkExisting(Recording recording, Path target, String relative,
            Optional<Fingerprint> recorded, DownloadListener listener) {
        boolean hls = recording.media() instanceof MediaLocation.InlinePlaylist;
        Either<TapedeckError, Fingerprint> existing = LocalCopy.measure(target);
        Optional<String> mismatch;
        if (existing.isLeft()) {
            mismatch = Optional.of(existing.getLeft().message());
        } else if (!hls && recording.sizeBytes().filter(size -> size != existing.get().sizeBytes()).isPresent()) {
            mismatch = Optional.of(existing.get().sizeBytes() + " bytes where the provider declares "
                    + recording.sizeBytes().get());
        } else if (recorded.filter(fingerprint -> !fingerprint.equals(existing.get())).isPresent()) {
            mismatch = Optional.of("its size or SHA-256 is not what the manifest recorded");
        } else {
            mismatch = Optional.empty();
        }
        if (mismatch.isPresent()) {
            return fail(new TapedeckError.Storage(recording.provider(), target
                    + " already exists with different content (" + mismatch.get() + "); it was left as it is, pass "
                    + "--overwrite (DownloadOptions.overwrite) to replace it"), listener);
        }
        DownloadResult result = DownloadResult.skipped(recording, target, relative, existing.get());
        listener.finished(result);
        return Either.right(result);
    }

    /**
     * Downloads beside an existing copy that must not be replaced, and compares: the same bytes make a skip (the
     * copy is complete, e.g. after a crash before its manifest line), other bytes a failure. Either way the
     * existing copy stays as it is and the fresh one is deleted. A file goes through its usual temp file; an HLS
     * copy, being several files, through a staging folder, so that its segments never mix with the existing ones.
     */
    private Either<TapedeckError, DownloadResult> compareWithExisting(Recording recording, LiveRecording live,
            Transfer transfer, Path target, String relative, Progress progress, String what,
            DownloadListener listener) {
        boolean hls = recording.media() instanceof MediaLocation.InlinePlaylist;
        Either<TapedeckError, Fingerprint> existing = LocalCopy.measure(target);
        Either<TapedeckError, Boolean> same;
        if (hls) {
            Path fresh = LocalFiles.stagingFolder(target).resolve(target.getFileName());
            try {
                LocalFiles.deleteTreeQuietly(fresh.getParent());
                Either<TapedeckError, Fingerprint> saved = LocalFiles.createFolder(recording.provider(),
                        fresh.getParent(), "the folder")
                        .flatMap(ok -> new HlsDownload(live, transfer, options, what).save(fresh, progress));
                if (saved.isLeft()) {
                    return fail(saved.getLeft(), listener);
                }
                same = LocalCopy.sameContent(target, fresh);
            } finally {
                LocalFiles.deleteTreeQuietly(fresh.getParent());
            }
        } else {
            Either<TapedeckError, Fingerprint> saved = fetchFile(live, transfer, target, progress, what,
                    Either::right);
            if (saved.isLeft()) {
                return fail(saved.getLeft(), listener);
            }
            same = existing.map(saved.get()::equals);
        }
        if (same.isRight() && same.get() && existing.isRight()) {
            DownloadResult result = DownloadResult.skipped(recording, target, relative, existing.get());
            listener.finished(result);
            return Either.right(result);
        }
        String why = same.isLeft() ? " (" + same.getLeft().message() + ")"
                : existing.isLeft() ? " (" + existing.getLeft().message() + ")" : "";
        return fail(new TapedeckError.Storage(recording.provider(), target
                + " already exists with different content" + why + "; it was left as it is, pass --overwrite "
                + "(DownloadOptions.overwrite) to replace it"), listener);
    }

    /**
     * Fetches {@code target}'s whole file into its resumable temp file, checks its size against the provider's and
     * hands it to {@code then} (which moves or compares it) while the temp file is still there. The temp file is
     * deleted afterwards, unless the failure left bytes worth resuming.
     */
    private static Either<TapedeckError, Fingerprint> fetchFile(LiveRecording live, Transfer transfer, Path target,
            Progress progress, String what, Function<Fingerprint, Either<TapedeckError, Fingerprint>> then) {
        Recording recording = live.current();
        try (PartialFile part = PartialFile.resumable(LocalFiles.partFile(target), LocalFiles.resumeNote(target),
                recording, recording.format() == RecordingFormat.EVENTS)) {
            Either<TapedeckError, Fingerprint> fetched = transfer.fetch(current -> wholeFile(current, what), part,
                    Transfer.Expectation.of(recording), progress, what);
            Optional<Long> promised = live.current().sizeBytes();
            if (fetched.isRight() && promised.isPresent() && promised.get() != fetched.get().sizeBytes()) {
                return Either.left(new TapedeckError.Integrity(live.current().provider(), what + ": the provider "
                        + "says it has " + promised.get() + " bytes but " + fetched.get().sizeBytes()
                        + " arrived; the file was not kept, download it again"));
            }
            return fetched.flatMap(then);
        } catch (IOException storage) {
            return Either.left(storageError(live.current().provider(), "could not write the download of " + what
                    + " beside " + target + ": " + storage + "; check free space and permissions"));
        }
    }

    /**
     * A Storage error saying {@code message}, or, when the thread was interrupted (which closes any file channel it
     * uses), the interrupt, which is what really stopped the download.
     */
    private static TapedeckError storageError(String provider, String message) {
        if (Thread.currentThread().isInterrupted()) {
            return new TapedeckError.Transport(provider, "interrupted before the download began; nothing was kept "
                    + "under the final name, run the download again to finish it");
        }
        return new TapedeckError.Storage(provider, message);
    }

    /** Moves a fetched temp file to its final name. */
    private static Either<TapedeckError, Fingerprint> place(LiveRecording live, Path target, Fingerprint fetched,
            String what) {
        try {
            LocalFiles.moveIntoPlace(LocalFiles.partFile(target), target);
            return Either.right(fetched);
        } catch (IOException storage) {
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

    private static Either<TapedeckError, DownloadResult> fail(TapedeckError error, DownloadListener listener) {
        listener.failed(error);
        return Either.left(error);
    }

    private static String describe(Recording recording) {
        return "recording " + recording.id() + " of session " + recording.sessionId() + " at "
                + recording.provider();
    }
}
