package dev.tapedeck.download;

import dev.tapedeck.RecordingSource;
import dev.tapedeck.model.MediaAlternative;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Downloads recordings to files, through their provider's {@link RecordingSource#openMedia}.
 *
 * <p>A recording goes to {@code <folder>/<provider>/<session>/<recording>.<ext>} ({@link RecordingPaths}, the rule
 * the archive uses too), or under a name the caller chooses. The bytes stream through a few fixed buffers to a hidden
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
 * HLS playlists, inline or by URL, are saved with their segments so they play offline (see {@code HlsDownload}),
 * once finished: a playlist without {@code #EXT-X-ENDLIST} is a recording still being written, and its download is
 * {@link TapedeckError.NotReady}, like that of a recording the provider has not finished.
 *
 * <p>A recording with several {@linkplain Recording#alternatives() alternatives} (an MP4 and an HLS playlist of the
 * same replay) is fetched through the first; when that fails in a way another may not (not found, refused, content
 * or integrity, unsupported, a provider failure) the next is tried, and so on. Each is saved under the name its
 * own format gives ({@code replay.mp4}, {@code replay.m3u8}), so the result says which one was used; one whose
 * file is already in place is tried first, so that a later run recognises what an earlier one saved.
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
        return eachAlternative(recording, recorded, listener, one -> Either.right(new Target(
                RecordingPaths.resolve(dir, one), RecordingPaths.relativePath(one))));
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
        return eachAlternative(recording, Optional.empty(), listener, one -> {
            String name = FileNames.forRecording(one, fileName);
            return FileNames.resolveInside(dir, name).map(path -> new Target(path, name));
        });
    }

    /** Where one alternative of a recording goes: the absolute path and the path the result reports. */
    private record Target(Path path, String relative) {
    }

    /**
     * Tries the alternatives of {@code recording} in its order, except that one whose file is already in place goes
     * first (a later run recognises what an earlier one saved, even through a fallback), each under the name its own
     * format gives. The next is tried only when one failed in a way another may not: not found, refused, content
     * or integrity, unsupported, a provider failure; never after a storage error, a lock, a rate limit, a recording
     * that is not ready, a broken transfer (its part is kept to resume) or an interrupt.
     */
    private Either<TapedeckError, DownloadResult> eachAlternative(Recording recording, Optional<Fingerprint> recorded,
            DownloadListener listener, Function<Recording, Either<TapedeckError, Target>> place) {
        Objects.requireNonNull(listener, "listener");
        List<Recording> tries = new ArrayList<>();
        List<Recording> notInPlace = new ArrayList<>();
        for (MediaAlternative alternative : recording.alternatives()) {
            Recording one = recording.using(alternative);
            boolean inPlace = place.apply(one).map(t -> Files.exists(t.path(), LinkOption.NOFOLLOW_LINKS))
                    .getOrElse(false);
            (inPlace ? tries : notInPlace).add(one);
        }
        tries.addAll(notInPlace);
        Either<TapedeckError, DownloadResult> result = null;
        for (int i = 0; i < tries.size(); i++) {
            Recording one = tries.get(i);
            boolean last = i == tries.size() - 1;
            DownloadListener heard = last ? listener : new QuietFailures(listener);
            Either<TapedeckError, Target> target = place.apply(one);
            if (target.isLeft()) {
                heard.started(one, Optional.empty());
                result = fail(target.getLeft(), heard);
            } else {
                result = save(one, target.get().path(), target.get().relative(), recorded, heard);
            }
            if (result.isRight() || last || !fallsBack(result.getLeft())) {
                if (!last && result.isLeft()) {
                    listener.failed(result.getLeft());
                }
                return result;
            }
        }
        return result;
    }

    private static boolean fallsBack(TapedeckError error) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        return error instanceof TapedeckError.NotFound || error instanceof TapedeckError.Forbidden
                || error instanceof TapedeckError.Unauthorized || error instanceof TapedeckError.Integrity
                || error instanceof TapedeckError.Unsupported || error instanceof TapedeckError.ProviderFailure
                || error instanceof TapedeckError.InvalidRequest;
    }

    /** Passes everything on but a failure, which the next alternative may still turn into a success. */
    private static final class QuietFailures implements DownloadListener {
        private final DownloadListener listener;

        QuietFailures(DownloadListener listener) {
            this.listener = listener;
        }

        @Override
        public void started(Recording recording, Optional<Long> totalSize) {
            listener.started(recording, totalSize);
        }

        @Override
        public void progressed(long bytesSoFar) {
            listener.progressed(bytesSoFar);
        }

        @Override
        public void finished(DownloadResult result) {
            listener.finished(result);
        }
    }

    private Either<TapedeckError, DownloadResult> save(Recording recording, Path target, String relative,
            Optional<Fingerprint> recorded, DownloadListener listener) {
        boolean hls = HlsDownload.handles(recording);
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
        boolean hls = HlsDownload.handles(recording);
        boolean keepExisting = Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !options.overwrite();
        LiveRecording live = new LiveRecording(source, recording, clock);
        Transfer transfer = new Transfer(live, options.maxAttempts(), options.minFreeBytes());
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
        boolean hls = HlsDownload.handles(recording);
        Either<TapedeckError, Fingerprint> existing = LocalCopy.measure(target);
        Optional<String> mismatch;
        if (existing.isLeft()) {
            mismatch = Optional.of(existing.getLeft().message());
        } else if (!hls && recording.sizeBytes().filter(size -> size != existing.get().sizeBytes()).isPresent()) {
            mismatch = Optional.of(existing.get().sizeBytes() + " bytes where the provider declares "
                    + recording.sizeBytes().get());
        } else if (recorded.filter(fingerprint -> !LocalCopy.matches(target, fingerprint, existing.get()))
                .isPresent()) {
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
        boolean hls = HlsDownload.handles(recording);
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
    private Either<TapedeckError, Fingerprint> fetchFile(LiveRecording live, Transfer transfer, Path target,
            Progress progress, String what, Function<Fingerprint, Either<TapedeckError, Fingerprint>> then) {
        Recording recording = live.current();
        try (PartialFile part = PartialFile.resumable(LocalFiles.partFile(target), LocalFiles.resumeNote(target),
                recording, recording.format() == RecordingFormat.EVENTS)) {
            Either<TapedeckError, Fingerprint> fetched = transfer.fetch(current -> wholeFile(current, what), part,
                    Transfer.Expectation.of(recording, options.maxRecordingBytes()), progress, what);
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

    /** Moves a fetched (and synced) temp file to its final name, and syncs the folder so the name lasts. */
    private static Either<TapedeckError, Fingerprint> place(LiveRecording live, Path target, Fingerprint fetched,
            String what) {
        try {
            LocalFiles.moveIntoPlace(LocalFiles.partFile(target), target);
            LocalFiles.syncFolder(target.getParent());
            return Either.right(fetched);
        } catch (IOException storage) {
            return Either.left(new TapedeckError.Storage(live.current().provider(), "could not move the download "
                    + "of " + what + " into place as " + target + ": " + storage));
        }
    }

    private static Either<TapedeckError, Optional<URI>> wholeFile(Recording recording, String what) {
        if (HlsDownload.handles(recording)) {
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
