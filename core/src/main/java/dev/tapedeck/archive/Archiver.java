package dev.tapedeck.archive;

import dev.tapedeck.Connection;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.download.Downloader;
import dev.tapedeck.download.Fingerprint;
import dev.tapedeck.download.LocalCopy;
import dev.tapedeck.download.RecordingPaths;
import dev.tapedeck.model.MediaAlternative;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.model.TapedeckException;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.wait.ReadinessWait;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Archives a provider's recordings into a folder: walks the sessions a {@link SessionQuery} selects (or the
 * session ids given), lists each session's recordings and downloads them with bounded parallelism to
 * {@code <out>/<provider>/<session>/<recording>.<ext>} (the {@link RecordingPaths} rule, as {@link Downloader}
 * uses), keeping the {@link Manifest} {@code <out>/manifest.jsonl}. A session whose id cannot be a file name as it
 * is (control characters, {@code ..}, upper case) still gets its own folder, under a hashed name, and its lines.
 *
 * <p>A run holds the folder's {@link ArchiveLock} from start to end: a second run on the same folder fails at once
 * with {@link TapedeckError.InUse} and touches nothing. Downloads that a killed or interrupted run left half done
 * are resumed, not restarted (see {@link Downloader}).
 *
 * <p>A re-run skips every recording whose manifest entry is done, names one of the recording's own paths, and whose
 * file still has the recorded size and SHA-256 and the size the provider declares (status skipped, nothing
 * fetched), and retries the rest, replacing a copy the manifest recorded that no longer matches. A file under a
 * recording's name that the manifest does not vouch for is downloaded again and compared byte for byte (see
 * {@link Downloader}), whatever its size: the same bytes are recorded as skipped, other bytes fail and are left as
 * they are, unless overwriting is allowed.
 *
 * <p>Walking a history, an archive takes "the sessions the query selects" to mean "whatever they recorded": a
 * session whose recording was off is passed over without a request, one whose recordings the provider does not
 * find had none, and both are only counted ({@link ArchiveSummary#sessionsWithoutRecordings()}). Without a wait,
 * a session or recording that is not ready yet (still active, still processing) gets a
 * {@linkplain ManifestEntry#notReady() not-ready} entry, which is no failure and which the next run retries.
 * Sessions named by id are the caller's explicit choice, so there an unknown session or a recording that is not
 * ready is a failure. A failure of one recording or session does not
 * stop the run; the summary lists it. Interrupting the calling thread stops listing, interrupts the downloads
 * (which keep nothing under a final name) and returns what was done, with the interrupt flag set again.
 *
 * <p>A run returns, however it ends, only once every thread it started has stopped: no listing, download, manifest
 * line or resume note of it is still under way when the folder's lock is released, and the summary holds every
 * entry the run wrote to the manifest.
 */
public final class Archiver {

    private final RecordingSource source;
    private final SessionHistory history;
    private final Clock clock;
    private final Sleeper sleeper;

    /** An archiver over one provider's two ports; {@code clock} and {@code sleeper} drive expiry and waits. */
    public Archiver(RecordingSource source, SessionHistory history, Clock clock, Sleeper sleeper) {
        this.source = Objects.requireNonNull(source, "source");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** An archiver over {@code connection} with the system clock and real sleeping. */
    public static Archiver of(Connection connection) {
        return new Archiver(connection.recordings(), connection.history(), Clock.systemUTC(), Sleeper.system());
    }

    /**
     * Archives the sessions {@code query} selects. Left when the listing is refused up front (an unsupported
     * filter, no history at this provider), the folder or manifest cannot be used, or another run holds the folder.
     */
    public Either<TapedeckError, ArchiveSummary> archive(SessionQuery query, Path out, ArchiveOptions options,
            ArchiveListener listener) {
        Either<TapedeckError, Stream<Session>> sessions = history.sessions(query);
        if (sessions.isLeft()) {
            return Either.left(sessions.getLeft());
        }
        try (Stream<Session> stream = sessions.get()) {
            return run(stream.map(Selected::fromHistory).iterator(), out, options, listener);
        }
    }

    /**
     * Archives {@code listed}, sessions a history listing returned (of this archiver's provider), as
     * {@link #archive(SessionQuery, Path, ArchiveOptions, ArchiveListener)} archives what its query selects: for a
     * caller that chose among several providers' listings, such as the newest sessions of all of them.
     */
    public Either<TapedeckError, ArchiveSummary> archiveListed(List<Session> listed, Path out, ArchiveOptions options,
            ArchiveListener listener) {
        return run(listed.stream().map(Selected::fromHistory).collect(Collectors.toList()).iterator(), out, options,
                listener);
    }

    /**
     * Archives the sessions {@code sessions}, for providers without a history. The caller named them, so one that
     * is unknown, or not ready when no wait is asked, is a failure.
     */
    public Either<TapedeckError, ArchiveSummary> archive(List<SessionId> sessions, Path out, ArchiveOptions options,
            ArchiveListener listener) {
        // A session named twice is archived once: its two runs would race for the same files.
        return run(sessions.stream().distinct().map(Selected::named).collect(Collectors.toList()).iterator(), out,
                options, listener);
    }

    /**
     * A session to archive.
     *
     * @param id       the session
     * @param named    whether the caller named it, rather than a history listing it
     * @param recorded false when the history says recording was off
     */
    private record Selected(SessionId id, boolean named, boolean recorded) {
        static Selected fromHistory(Session session) {
            return new Selected(session.id(), false, session.recordingEnabled().orElse(true));
        }

        static Selected named(SessionId id) {
            return new Selected(Objects.requireNonNull(id, "session id"), true, true);
        }
    }

    private Either<TapedeckError, ArchiveSummary> run(Iterator<Selected> sessions, Path out, ArchiveOptions options,
            ArchiveListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        Path root = out.toAbsolutePath().normalize();
        Either<TapedeckError, ArchiveLock> locked = ArchiveLock.acquire(root);
        if (locked.isLeft()) {
            return Either.left(locked.getLeft());
        }
        try (ArchiveLock lock = locked.get()) {
            return runLocked(sessions, root, options, listener);
        }
    }

    private Either<TapedeckError, ArchiveSummary> runLocked(Iterator<Selected> sessions, Path root,
            ArchiveOptions options, ArchiveListener listener) {
        Either<TapedeckError, Manifest> opened = Manifest.open(root);
        if (opened.isLeft()) {
            return Either.left(opened.getLeft());
        }
        Optional<ReadinessWait> wait = options.waitForReady().map(limit -> new ReadinessWait(limit, clock, sleeper));
        Downloader downloader = new Downloader(source, clock, options.download());
        int listers = listers(options.parallelism());
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), threads("tapedeck-archive-"));
        ExecutorService listing = Executors.newFixedThreadPool(listers, threads("tapedeck-archive-list-"));
        Semaphore slots = new Semaphore(options.parallelism());
        Semaphore ahead = new Semaphore(listers);
        List<Future<List<Future<ManifestEntry>>>> pending = new ArrayList<>();
        Optional<TapedeckError> listingError = Optional.empty();
        boolean interrupted = false;
        AtomicInteger withoutRecordings = new AtomicInteger();
        try (Manifest manifest = opened.get()) {
            Run run = new Run(root, manifest, downloader, wait, listener, pool, slots, withoutRecordings);
            try {
                try {
                    while (sessions.hasNext()) {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new InterruptedException("archive interrupted");
                        }
                        Selected selected = sessions.next();
                        if (!selected.recorded()) {
                            withoutRecordings.incrementAndGet();
                            continue;
                        }
                        ahead.acquire();
                        pending.add(listing.submit(() -> {
                            try {
                                return run.session(selected);
                            } finally {
                                ahead.release();
                            }
                        }));
                    }
                } catch (TapedeckException history) {
                    listingError = Optional.of(history.error());
                } catch (InterruptedException stop) {
                    interrupted = true;
                }
                listing.shutdown();
                if (!interrupted) {
                    interrupted = !awaitAll(pending);
                }
            } finally {
                // However the run ends (done, interrupted, a history or task that threw), nothing it started may
                // outlive it: the manifest closes and the folder's lock is released when it returns. Listing
                // first, so that nothing queues a download once the downloads are stopped.
                stop(listing);
                stop(pool);
            }
            List<ManifestEntry> entries = new ArrayList<>();
            for (Future<List<Future<ManifestEntry>>> session : pending) {
                for (Future<ManifestEntry> download : outcome(session).orElse(List.of())) {
                    outcome(download).ifPresent(entries::add);
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return Either.right(new ArchiveSummary(entries, withoutRecordings.get(), listingError, interrupted));
        }
    }

    /**
     * Waits for every session's listing and every download it queued; false when the calling thread was
     * interrupted meanwhile (its flag then clear), or a listing stopped for an interrupt.
     */
    private static boolean awaitAll(List<Future<List<Future<ManifestEntry>>>> pending) {
        try {
            for (Future<List<Future<ManifestEntry>>> session : pending) {
                for (Future<ManifestEntry> download : session.get()) {
                    download.get();
                }
            }
            return true;
        } catch (InterruptedException stop) {
            return false;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof InterruptedException) {
                return false;
            }
            throw new IllegalStateException("archive task failed", failed.getCause());
        }
    }

    /**
     * How many sessions are listed at once, ahead of the downloads: half the downloads (at least one), since a
     * listing is one API call and a download is at least one call plus its file, so the downloads never starve and
     * the provider is not asked for more at once than the parallelism the caller chose.
     */
    private static int listers(int parallelism) {
        return Math.max(1, (parallelism + 1) / 2);
    }

    /**
     * Interrupts what {@code threads} still run, drops what they have not started, and waits, however long, until
     * every one has stopped: a task left running would write into the folder after the run released it. The wait
     * is uninterruptible (the flag is kept), and ends because every task stops at an interrupt or at its network
     * timeouts.
     */
    private static void stop(ExecutorService threads) {
        for (Runnable neverStarted : threads.shutdownNow()) {
            ((Future<?>) neverStarted).cancel(false);
        }
        boolean interrupted = false;
        while (!threads.isTerminated()) {
            try {
                threads.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a task that has ended returned; empty when it never ran or stopped for an interrupt. */
    private static <T> Optional<T> outcome(Future<T> future) {
        if (!future.isDone() || future.isCancelled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(future.get());
        } catch (InterruptedException impossible) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof InterruptedException) {
                return Optional.empty();
            }
            throw new IllegalStateException("archive task failed", failed.getCause());
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What checking a vouched copy found: why it is no longer that copy (empty: it is), and its fingerprint now. */
    private record Checked(String why, Optional<Fingerprint> now) {
    }

    /** The per-run state the listing and download tasks share. */
    private final class Run {
        private final Path root;
        private final Manifest manifest;
        private final Downloader downloader;
        private final Optional<ReadinessWait> wait;
        private final ArchiveListener listener;
        private final ExecutorService pool;
        private final Semaphore slots;
        private final AtomicInteger withoutRecordings;

        Run(Path root, Manifest manifest, Downloader downloader, Optional<ReadinessWait> wait,
                ArchiveListener listener, ExecutorService pool, Semaphore slots, AtomicInteger withoutRecordings) {
            this.root = root;
            this.manifest = manifest;
            this.downloader = downloader;
            this.wait = wait;
            this.listener = listener;
            this.pool = pool;
            this.slots = slots;
            this.withoutRecordings = withoutRecordings;
        }

        /**
         * Lists one session's recordings (on a listing thread) and queues their downloads, waiting for a free
         * download slot for each, so that at most the parallelism's downloads are queued or running; the futures
         * are in the listing's order. A session that cannot be listed is one entry (not in the manifest), or none.
         */
        List<Future<ManifestEntry>> session(Selected selected) throws InterruptedException {
            SessionId session = selected.id();
            Either<TapedeckError, List<Recording>> listed;
            try {
                listed = wait.map(w -> w.until(() -> source.recordings(session)))
                        .orElseGet(() -> source.recordings(session));
            } catch (RuntimeException bug) {
                listed = Either.left(new TapedeckError.ProviderFailure(source.provider(), 0, "listing the "
                        + "recordings of session " + session + " failed unexpectedly (" + bug.getClass().getName()
                        + "); please report this as a bug", "", false));
            }
            if (listed.isLeft()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("archive interrupted");
                }
                TapedeckError error = listed.getLeft();
                if (!selected.named() && error instanceof TapedeckError.NotFound) {
                    withoutRecordings.incrementAndGet();
                    return List.of();
                }
                ManifestEntry entry;
                if (!selected.named() && wait.isEmpty() && error instanceof TapedeckError.NotReady) {
                    entry = ManifestEntry.notReady(source.provider(), session.value(), "", "", error);
                } else {
                    entry = ManifestEntry.sessionFailed(source.provider(), session, error);
                    listener.entryFailed(entry, error);
                }
                listener.entryDone(entry);
                return List.of(CompletableFuture.completedFuture(entry));
            }
            listener.sessionListed(session, listed.get().size());
            if (listed.get().isEmpty()) {
                withoutRecordings.incrementAndGet();
                return List.of();
            }
            boolean deferNotReady = !selected.named() && wait.isEmpty();
            List<Future<ManifestEntry>> downloads = new ArrayList<>();
            Map<RecordingId, Recording> seen = new HashMap<>();
            for (Recording recording : listed.get()) {
                Recording first = seen.putIfAbsent(recording.id(), recording);
                if (first != null) {
                    // The same recording listed twice is one recording; another one under the same id is a loss.
                    if (!sameRecording(first, recording)) {
                        downloads.add(CompletableFuture.completedFuture(listedTwice(recording)));
                    }
                    continue;
                }
                try {
                    slots.acquire();
                } catch (InterruptedException stop) {
                    // The run is stopping: the downloads queued so far are still its own to wait for and report.
                    Thread.currentThread().interrupt();
                    return downloads;
                }
                downloads.add(pool.submit(() -> {
                    try {
                        return one(recording, deferNotReady);
                    } catch (RuntimeException bug) {
                        return crashed(recording, bug);
                    } finally {
                        slots.release();
                    }
                }));
            }
            return downloads;
        }

        /**
         * Skips, or downloads and records, one recording; never throws for an expected failure. With
         * {@code deferNotReady} a recording that is not ready yet is recorded as such rather than as a failure.
         */
        ManifestEntry one(Recording recording, boolean deferNotReady) {
            ManifestEntry.Key key = new ManifestEntry.Key(recording.provider(), recording.sessionId().value(),
                    recording.id().value());
            String relative = RecordingPaths.relativePath(recording);
            // A line vouches only for a file at one of this recording's own paths, whatever path it names.
            Optional<ManifestEntry> prior = manifest.latest(key).filter(ManifestEntry::done)
                    .filter(entry -> pathsOf(recording).contains(entry.path()));
            Optional<Checked> checked = prior.map(entry -> check(entry, recording, relative));
            if (prior.isPresent() && checked.get().why().isEmpty()) {
                ManifestEntry vouched = prior.get();
                // A line of an earlier version that hashed an HLS playlist alone is written again with today's hash.
                return record(checked.get().now().filter(now -> !now.sha256().equals(vouched.sha256()))
                        .map(now -> new ManifestEntry(vouched.provider(), vouched.sessionId(), vouched.recordingId(),
                                vouched.path(), now.sizeBytes(), now.sha256(), DownloadStatus.SKIPPED,
                                Optional.empty()))
                        .orElseGet(vouched::asSkipped), Optional.empty());
            }
            // A file the manifest recorded for this recording that no longer verifies is ours to replace. A file
            // that nothing vouches for is never taken on its size alone: only the same bytes, fetched again, make
            // it this recording's copy (another recording's, or a stranger's, fails and is left alone).
            Downloader chosen = downloader.withOptions(prior.isPresent()
                    ? downloader.options().withOverwrite(true)
                    : downloader.options().withVerifyExisting(true));
            DownloadListener progress = new DownloadListener() {
                @Override
                public void started(Recording started, Optional<Long> totalSize) {
                    listener.recordingStarted(recording, totalSize);
                }

                @Override
                public void progressed(long bytesSoFar) {
                    listener.recordingProgressed(recording, bytesSoFar);
                }
            };
            Either<TapedeckError, DownloadResult> result = wait
                    .map(w -> w.until(() -> chosen.download(recording, root, progress)))
                    .orElseGet(() -> chosen.download(recording, root, progress));
            if (result.isRight()) {
                if (prior.isPresent() && result.get().status() == DownloadStatus.DOWNLOADED) {
                    listener.copyReplaced(prior.get(), checked.get().why());
                }
                return record(ManifestEntry.of(result.get()), Optional.empty());
            }
            TapedeckError error = result.getLeft();
            if (deferNotReady && error instanceof TapedeckError.NotReady) {
                return record(ManifestEntry.notReady(recording.provider(), recording.sessionId().value(),
                        recording.id().value(), relative, error), Optional.empty());
            }
            return record(ManifestEntry.recordingFailed(recording, relative, error), Optional.of(error));
        }

        /**
         * Reports a recording listed again under an id its session already listed: both would be one file and one
         * manifest key, so only the first is archived, and this one is a failure outside the manifest (a line for
         * it would stand in for the first's).
         */
        ManifestEntry listedTwice(Recording recording) {
            TapedeckError error = new TapedeckError.ProviderFailure(recording.provider(), 0, recording.provider()
                    + " listed recording " + recording.id() + " of session " + recording.sessionId() + " more than "
                    + "once with different media; only the first was archived, since both would be one file: "
                    + "report this to " + recording.provider(), "", false);
            ManifestEntry entry = ManifestEntry.recordingFailed(recording, RecordingPaths.relativePath(recording),
                    error);
            listener.entryFailed(entry, error);
            listener.entryDone(entry);
            return entry;
        }

        /** Records a recording whose download threw, so one provider bug does not stop the archive. */
        ManifestEntry crashed(Recording recording, RuntimeException bug) {
            TapedeckError error = new TapedeckError.ProviderFailure(recording.provider(), 0, "downloading "
                    + "recording " + recording.id() + " failed unexpectedly (" + bug.getClass().getName()
                    + "); please report this as a bug", "", false);
            return record(ManifestEntry.recordingFailed(recording, RecordingPaths.relativePath(recording), error),
                    Optional.of(error));
        }

        /**
         * Whether two listings under one id are one recording: the same size and the same media, in order, where a
         * URL counts without its query, so that one signed twice (a listing that repeats an item across pages) is
         * still one recording, and two objects are two.
         */
        private static boolean sameRecording(Recording one, Recording other) {
            List<MediaAlternative> mine = one.alternatives();
            List<MediaAlternative> theirs = other.alternatives();
            if (mine.size() != theirs.size() || !one.sizeBytes().equals(other.sizeBytes())) {
                return false;
            }
            for (int i = 0; i < mine.size(); i++) {
                if (!mine.get(i).sameKindAs(theirs.get(i)) || !where(mine.get(i)).equals(where(theirs.get(i)))) {
                    return false;
                }
            }
            return true;
        }

        private static Object where(MediaAlternative alternative) {
            if (alternative.media() instanceof MediaLocation.RemoteUrl remote) {
                URI url = remote.uri();
                return url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
            }
            return alternative.media();
        }

        /** The paths {@code recording} may be saved under: one per alternative, each named by its own format. */
        private static List<String> pathsOf(Recording recording) {
            return recording.alternatives().stream().map(recording::using).map(RecordingPaths::relativePath).toList();
        }

        /**
         * What became of the copy {@code entry} vouches for: no {@code why} while it still has the recorded size
         * and SHA-256 (see {@link LocalCopy#matches}) and the size the provider declares, if it declares one for
         * the file (a recording that changed at the provider is fetched again, not skipped); else why it is no longer
         * that copy. With the copy's fingerprint as it is now, when it could be measured.
         */
        private Checked check(ManifestEntry entry, Recording recording, String relative) {
            Path file = root.resolve(entry.path()).normalize();
            if (entry.path().isEmpty() || !file.startsWith(root) || !Files.exists(file)) {
                return new Checked("it was missing", Optional.empty());
            }
            Either<TapedeckError, Fingerprint> measured = LocalCopy.measure(file);
            if (measured.isLeft()) {
                return new Checked(measured.getLeft().message(), Optional.empty());
            }
            Optional<Fingerprint> now = Optional.of(measured.get());
            if (!LocalCopy.matches(file, new Fingerprint(entry.sizeBytes(), entry.sha256()), measured.get())) {
                return new Checked("it had changed on disk (its size or SHA-256 was not what the manifest recorded)",
                        now);
            }
            Optional<Long> declared = recording.sizeBytes().filter(size -> entry.path().equals(relative)
                    && !entry.path().endsWith(".m3u8") && size != entry.sizeBytes());
            return new Checked(declared.map(size -> "the provider now declares " + size + " bytes where the "
                    + "manifest recorded " + entry.sizeBytes()).orElse(""), now);
        }

        private ManifestEntry record(ManifestEntry entry, Optional<TapedeckError> failure) {
            Either<TapedeckError, ManifestEntry> written = manifest.append(entry);
            ManifestEntry outcome = written.fold(error -> new ManifestEntry(entry.provider(), entry.sessionId(),
                    entry.recordingId(), entry.path(), 0, "", DownloadStatus.FAILED,
                    Optional.of(error.message())), ok -> ok);
            Optional<TapedeckError> cause = written.isLeft() ? Optional.of(written.getLeft()) : failure;
            if (outcome.status() == DownloadStatus.FAILED) {
                cause.ifPresent(error -> listener.entryFailed(outcome, error));
            }
            listener.entryDone(outcome);
            return outcome;
        }
    }
}
