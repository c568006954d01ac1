package dev.tapedeck.cli;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderInfo;
import dev.tapedeck.archive.ArchiveListener;
import dev.tapedeck.archive.ArchiveLock;
import dev.tapedeck.archive.ArchiveOptions;
import dev.tapedeck.archive.ArchiveSummary;
import dev.tapedeck.archive.Archiver;
import dev.tapedeck.archive.Manifest;
import dev.tapedeck.archive.ManifestEntry;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tapedeck archive}: downloads the recordings of every selected session into one folder,
 * {@code <out>/<provider>/<session>/<file>}, keeping {@code <out>/manifest.jsonl} so that a re-run skips what is
 * there and finishes what is not. Sessions come from each provider's history, filtered ({@code --limit} counts the
 * newest sessions of all providers together), or from {@code --session} and {@code --sessions-from}. With
 * {@code --sandbox} and neither, a provider without a history is archived by the sessions its emulation seeded,
 * as if a history had listed them, with a note saying so.
 * The folder is locked for the whole run, across providers: a second run on it stops at once with one line.
 */
@Command(name = "archive", mixinStandardHelpOptions = true, description = "Download the recordings of many sessions into a folder, resumably.")
final class ArchiveCommand implements Callable<Integer> {

    @ParentCommand
    TapedeckCommand root;

    @Mixin
    QueryOptions filters;

    @Option(names = "--out", paramLabel = "DIR", description = "Archive folder (default: archive).")
    Path out = Path.of("archive");

    @Option(names = "--parallel", paramLabel = "N", description = "Downloads at the same time (default: 4).")
    int parallel = 4;

    @Mixin
    DiskLimits limits = new DiskLimits();

    @Option(names = "--wait", paramLabel = "DURATION", converter = Durations.class,
            description = "Wait up to this long for recordings that are not ready, e.g. 90s, 2m, PT2M.")
    Duration wait;

    @Option(names = "--session", paramLabel = "ID", converter = SessionIdConverter.class,
            description = "Archive these sessions instead of listing the history (repeatable).")
    List<SessionId> sessions = new ArrayList<>();

    @Option(names = "--sessions-from", paramLabel = "FILE",
            description = "Archive the sessions listed in FILE: one id per line, # comments and blank lines ignored.")
    Path sessionsFrom;

    @Override
    public Integer call() {
        CliRun run = root.run();
        if (parallel < 1 || parallel > 64) {
            throw CliFailure.usage("--parallel must be between 1 and 64, was " + parallel);
        }
        limits.check();
        SessionQuery query = filters.toQuery();
        Path folder = OutFolder.of(out);
        if (sessionsFrom != null) {
            List<SessionId> listed = SessionIdFile.read(sessionsFrom);
            if (listed.isEmpty() && sessions.isEmpty()) {
                throw CliFailure.usage("--sessions-from " + sessionsFrom + " lists no session id; put one per line");
            }
            sessions.addAll(listed);
        }
        if (!sessions.isEmpty() && !query.equals(SessionQuery.all())) {
            throw CliFailure.usage("--session names the sessions; the history filters (--status, --tag, ...) "
                    + "cannot apply to them, so give one or the other");
        }
        Map<String, List<SessionId>> seeded = seeded(run, query);
        List<Connection> connections = sessions.isEmpty()
                ? ProviderSelection.select(run, Capability.SESSION_HISTORY, ProviderSelection.Scope.ALL,
                        seeded::containsKey)
                : ProviderSelection.select(run, Capability.LIST_RECORDINGS, ProviderSelection.Scope.ONE_SESSION);
        try (ArchiveLock lock = ArchiveLock.acquire(folder).getOrElseThrow(CliFailure::new)) {
            return archive(run, connections, folder, seeded);
        }
    }

    /**
     * With {@code --sandbox}, no {@code --session} and no history filter: the sessions the sandbox seeded for each
     * provider without a history, by provider id, which stand in for the history it lacks, so that archiving
     * everything from the sandbox covers every provider. Against the real services, none.
     */
    private Map<String, List<SessionId>> seeded(CliRun run, SessionQuery query) {
        if (!run.options().sandbox || !sessions.isEmpty() || !query.equals(SessionQuery.all())) {
            return Map.of();
        }
        Map<String, List<SessionId>> seeded = new LinkedHashMap<>();
        for (ProviderInfo info : run.providers()) {
            List<SessionId> ids = info.capabilities().supports(Capability.SESSION_HISTORY) ? List.of()
                    : run.sandbox().seededSessions(info.id());
            if (!ids.isEmpty()) {
                seeded.put(info.id(), ids);
            }
        }
        return seeded;
    }

    private int archive(CliRun run, List<Connection> connections, Path folder, Map<String, List<SessionId>> seeded) {
        SessionQuery query = filters.toQuery();
        ArchiveOptions options = ArchiveOptions.defaults().withParallelism(parallel);
        options = options.withDownload(limits.applyTo(options.download()));
        if (wait != null) {
            options = options.withWaitForReady(wait);
        }
        TransferReport report = TransferReport.forArchive(run);
        boolean newestAcross = sessions.isEmpty() && connections.size() > 1 && query.limit().isPresent();
        Map<String, List<SessionId>> owned = sessions.isEmpty() ? Map.of() : owners(connections, sessions);
        Map<String, List<Session>> listed = newestAcross ? newest(connections, report) : listedBySandbox(seeded);
        for (Connection connection : connections) {
            List<SessionId> named = owned.getOrDefault(connection.provider(), List.of());
            List<Session> chosen = listed.getOrDefault(connection.provider(), List.of());
            if ((!sessions.isEmpty() && named.isEmpty()) || (newestAcross && chosen.isEmpty())) {
                continue;
            }
            if (seeded.containsKey(connection.provider())) {
                run.note(connection.provider() + " has no session history; archiving the " + chosen.size()
                        + " sessions the sandbox seeded (against the real service, name them with --session or "
                        + "--sessions-from)");
            }
            Archiver archiver = new Archiver(connection.recordings(), connection.history(), run.env().clock(),
                    run.env().sleeper());
            Progress listener = new Progress(report);
            Either<TapedeckError, ArchiveSummary> result = !sessions.isEmpty()
                    ? archiver.archive(named, folder, options, listener)
                    : listed.containsKey(connection.provider())
                    ? archiver.archiveListed(chosen, folder, options, listener)
                    : archiver.archive(query, folder, options, listener);
            if (result.isLeft() && (connections.size() == 1 || owned.size() == 1
                    || (newestAcross && listed.size() == 1))) {
                throw new CliFailure(result.getLeft());
            }
            result.peekLeft(report::failure);
            if (result.isLeft() && result.getLeft() instanceof TapedeckError.Storage) {
                break; // the folder is unusable for every provider alike
            }
            result.forEach(summary -> summary.listingError().ifPresent(report::failure));
            result.forEach(summary -> report.sessionsWithoutRecordings(summary.sessionsWithoutRecordings()));
            if (result.isRight() && result.get().interrupted()) {
                report.failure(new TapedeckError.Storage(connection.provider(), "the archive was interrupted; "
                        + "run it again to finish"));
                break;
            }
        }
        return report.finish(folder, Optional.of(folder.resolve(Manifest.FILE_NAME)));
    }

    /**
     * The sandbox's seeded sessions as a history would list them, with nothing known but their ids: a session still
     * recording is then {@code waiting} and one without a recording is counted as such, where a session named by
     * {@code --session} would fail.
     */
    private static Map<String, List<Session>> listedBySandbox(Map<String, List<SessionId>> seeded) {
        Map<String, List<Session>> listed = new LinkedHashMap<>();
        seeded.forEach((provider, ids) -> listed.put(provider, ids.stream()
                .map(id -> Session.builder(provider, id).build()).collect(Collectors.toList())));
        return listed;
    }

    /**
     * With {@code --limit} over several providers: the newest sessions of all of them, as many as the limit, by
     * provider id (see {@link NewestFirst}); a provider whose history fails is reported and counts for the exit code.
     */
    private Map<String, List<Session>> newest(List<Connection> connections, TransferReport report) {
        Map<String, List<Session>> chosen = new LinkedHashMap<>();
        NewestFirst.list(connections, filters, row -> chosen.computeIfAbsent(row.session().provider(),
                id -> new ArrayList<>()).add(row.session()), report::failure);
        return chosen;
    }

    /**
     * Which provider each named session belongs to, by provider id: with one provider, that one; with several, the
     * first that lists its recordings, else the first whose failure is not "not found" (not ready, refused, down),
     * else the first, whose "not found" is then its entry. So a session is archived, or fails, at one provider only.
     */
    private static Map<String, List<SessionId>> owners(List<Connection> connections, List<SessionId> sessions) {
        Map<String, List<SessionId>> owned = new LinkedHashMap<>();
        for (SessionId session : sessions) {
            Connection owner = connections.get(0);
            if (connections.size() > 1) {
                Optional<Connection> failedOtherwise = Optional.empty();
                Optional<Connection> listed = Optional.empty();
                for (Connection connection : connections) {
                    Either<TapedeckError, List<Recording>> answer = connection.recordings().recordings(session);
                    if (answer.isRight()) {
                        listed = Optional.of(connection);
                        break;
                    }
                    if (!(answer.getLeft() instanceof TapedeckError.NotFound) && failedOtherwise.isEmpty()) {
                        failedOtherwise = Optional.of(connection);
                    }
                }
                owner = listed.isPresent() ? listed.get() : failedOtherwise.orElse(connections.get(0));
            }
            owned.computeIfAbsent(owner.provider(), id -> new ArrayList<>()).add(session);
        }
        return owned;
    }

    /** Moves the progress bar and prints each entry as the archive finishes it. */
    private static final class Progress implements ArchiveListener {
        private final TransferReport report;
        private final Map<String, Optional<Long>> totals = new ConcurrentHashMap<>();
        private final Map<ManifestEntry, TapedeckError> causes = new ConcurrentHashMap<>();

        Progress(TransferReport report) {
            this.report = report;
        }

        @Override
        public void recordingStarted(Recording recording, Optional<Long> totalSize) {
            totals.put(key(recording), totalSize);
            report.started(recording, totalSize);
        }

        @Override
        public void recordingProgressed(Recording recording, long bytesSoFar) {
            report.progressed(recording, bytesSoFar, totals.getOrDefault(key(recording), Optional.empty()));
        }

        @Override
        public void entryFailed(ManifestEntry entry, TapedeckError error) {
            causes.put(entry, error);
        }

        @Override
        public void copyReplaced(ManifestEntry vouched, String why) {
            report.note(vouched.path() + " was fetched again: " + why);
        }

        @Override
        public void entryDone(ManifestEntry entry) {
            report.add(TransferRow.of(entry, Optional.ofNullable(causes.remove(entry))));
        }

        private static String key(Recording recording) {
            return recording.sessionId() + "\u0000" + recording.id();
        }
    }
}
