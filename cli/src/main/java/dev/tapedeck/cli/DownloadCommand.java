package dev.tapedeck.cli;

import dev.tapedeck.Connection;
import dev.tapedeck.archive.Manifest;
import dev.tapedeck.archive.ManifestEntry;
import dev.tapedeck.download.DownloadOptions;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.Downloader;
import dev.tapedeck.download.Fingerprint;
import dev.tapedeck.download.RecordingPaths;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.wait.ReadinessWait;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tapedeck download SESSION_ID}: downloads every recording of one session into a folder, as
 * {@code <out>/<provider>/<session>/<file>} like {@code archive}, verified and never overwriting unless asked. A file
 * already in place is checked without fetching it again, against the size the provider declares and, when the folder
 * is an archive, what its manifest recorded; {@code --verify} compares it with a fresh download instead. With
 * {@code --wait} it waits for recordings that are not ready yet.
 */
@Command(name = "download", mixinStandardHelpOptions = true, description = "Download the recordings of one session into a folder.")
final class DownloadCommand implements Callable<Integer> {

    @ParentCommand
    TapedeckCommand root;

    @Parameters(index = "0", paramLabel = "SESSION_ID", converter = SessionIdConverter.class,
            description = "The session id as the provider returned it.")
    SessionId session;

    @Option(names = "--out", paramLabel = "DIR", description = "Target folder (default: the current one).")
    Path out = Path.of(".");

    @Option(names = "--wait", paramLabel = "DURATION", converter = Durations.class,
            description = "Wait up to this long for recordings that are not ready, e.g. 90s, 2m, PT2M.")
    Duration wait;

    @Mixin
    DiskLimits limits = new DiskLimits();

    @Option(names = "--overwrite", description = "Replace files that already exist.")
    boolean overwrite;

    @Option(names = "--verify", description = "Check files that already exist against a fresh download, byte for "
            + "byte; by default they are checked without fetching, against the size the provider declares and the "
            + "folder's manifest.")
    boolean verify;

    /** When {@code --wait} ends, from the command's start; null without it. */
    private Instant deadline;

    @Override
    public Integer call() {
        CliRun run = root.run();
        limits.check();
        Path folder = OutFolder.of(out);
        List<Connection> connections = ProviderSelection.select(run, Capability.LIST_RECORDINGS,
                ProviderSelection.Scope.ONE_SESSION);
        TransferReport report = TransferReport.forDownload(run);
        deadline = wait == null ? null : run.env().clock().instant().plus(wait);
        int[] code = {ExitCodes.OK};
        int tried = EachProvider.run(run, connections, connection -> recordings(run, connection),
                (connection, recordings) -> code[0] = download(run, connection, recordings, folder, report));
        return tried != ExitCodes.OK ? tried : code[0];
    }

    private Either<TapedeckError, List<Recording>> recordings(CliRun run, Connection connection) {
        return waitingIfAsked(run, () -> connection.recordings().recordings(session));
    }

    /**
     * {@code probe}'s answer, asked again while it is not ready when {@code --wait} was given: a session still being
     * listed as not ready, or a recording listed but not finished (a replay still recording, an HLS playlist still
     * being written).
     */
    private <T> Either<TapedeckError, T> waitingIfAsked(CliRun run, Supplier<Either<TapedeckError, T>> probe) {
        if (deadline == null) {
            return probe.get();
        }
        // One deadline for the whole command, as --wait promises, however many recordings are waited for.
        Duration left = Duration.between(run.env().clock().instant(), deadline);
        return new ReadinessWait(left.isNegative() ? Duration.ZERO : left, run.env().clock(), run.env().sleeper())
                .until(probe);
    }

    private int download(CliRun run, Connection connection, List<Recording> recordings, Path folder,
            TransferReport report) {
        if (recordings.isEmpty()) {
            throw new CliFailure(new TapedeckError.NotFound(connection.provider(),
                    "session " + session + " has no recordings at " + connection.provider()));
        }
        Downloader downloader = new Downloader(connection.recordings(), run.env().clock(),
                limits.applyTo(DownloadOptions.defaults().withOverwrite(overwrite).withVerifyExisting(verify)));
        Map<ManifestEntry.Key, Fingerprint> recorded = recorded(folder);
        Set<RecordingId> handled = new HashSet<>();
        List<Recording> pending = recordings;
        while (!pending.isEmpty()) {
            report.expect(handled.size() + pending.size());
            boolean waitedFor = false;
            for (Recording recording : pending) {
                handled.add(recording.id());
                Optional<Fingerprint> earlier = Optional.ofNullable(recorded.get(new ManifestEntry.Key(
                        recording.provider(), recording.sessionId().value(), recording.id().value())));
                boolean[] notReady = {false};
                report.add(recording, RecordingPaths.relativePath(recording), waitingIfAsked(run, () -> {
                    Either<TapedeckError, DownloadResult> tried = downloader.download(recording, folder, earlier,
                            report.listener());
                    notReady[0] |= tried.isLeft() && tried.getLeft() instanceof TapedeckError.NotReady;
                    return tried;
                }));
                waitedFor |= notReady[0];
            }
            if (deadline == null || !waitedFor || !run.env().clock().instant().isBefore(deadline)) {
                break;
            }
            // A session still being written while we waited may have more now (a tab opened after the listing).
            pending = connection.recordings().recordings(session).getOrElse(List.of()).stream()
                    .filter(recording -> !handled.contains(recording.id())).toList();
        }
        return report.finish(folder, Optional.empty());
    }

    /**
     * What the manifest of {@code folder}, when it is an archive, recorded for each file in place (the last line
     * per recording wins); a manifest that cannot be read ends the command with that error.
     */
    private static Map<ManifestEntry.Key, Fingerprint> recorded(Path folder) {
        Map<ManifestEntry.Key, Fingerprint> recorded = new HashMap<>();
        Manifest.read(folder.resolve(Manifest.FILE_NAME)).getOrElseThrow(CliFailure::new).stream()
                .filter(ManifestEntry::done).filter(entry -> entry.sha256().matches("[0-9a-f]{64}"))
                .forEach(entry -> recorded.put(entry.key(), new Fingerprint(entry.sizeBytes(), entry.sha256())));
        return recorded;
    }
}
