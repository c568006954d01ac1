package dev.tapedeck.cli;

import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code download} and {@code archive} share: a progress bar, one printed row per file, the summary for
 * people, and the exit code, which is that of the first failure after everything is printed. JSON Lines print each
 * row as it comes; tables print them at the end ordered by provider, session and recording, so that the output is
 * stable whatever order the parallel downloads finish in. Rows that were not ready yet ({@code waiting}), and an
 * archive's sessions without recordings, are no failures: each kind gets one note on stderr when the command
 * succeeds, which alone gives the advice. Thread-safe, since an archive downloads
 * in parallel; the bar shows the file that reported last.
 */
final class TransferReport {

    private final CliRun run;
    private final ProgressBar bar;
    private final List<TransferRow> rows = new ArrayList<>();
    private final List<TapedeckError> otherFailures = new ArrayList<>();
    private final boolean archive;
    private int sessionsWithoutRecordings;
    private int expected;

    private TransferReport(CliRun run, boolean archive) {
        this.run = run;
        this.bar = run.progressBar();
        this.archive = archive;
    }

    /** The report of a {@code download}. */
    static TransferReport forDownload(CliRun run) {
        return new TransferReport(run, false);
    }

    /** The report of an {@code archive}, whose summary also counts sessions without recordings. */
    static TransferReport forArchive(CliRun run) {
        return new TransferReport(run, true);
    }

    /** A remark for stderr once the command has succeeded (see {@link CliRun#note}). */
    void note(String text) {
        run.note(text);
    }

    /** Adds {@code count} sessions that had no recordings, which are not failures. */
    synchronized void sessionsWithoutRecordings(int count) {
        sessionsWithoutRecordings += count;
    }

    /** Tells the bar how many files to expect in all. */
    synchronized void expect(int files) {
        expected = files;
    }

    /** A file began; {@code total} is its size when known. */
    void started(Recording recording, Optional<Long> total) {
        bar.update(label(recording), 0, total.map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    /** A file has {@code bytes} on disk; {@code total} is its size when known. */
    void progressed(Recording recording, long bytes, Optional<Long> total) {
        bar.update(label(recording), bytes, total.map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    /** A listener that moves the bar while one recording downloads. */
    DownloadListener listener() {
        return new DownloadListener() {
            private Recording current;
            private Optional<Long> total = Optional.empty();

            @Override
            public void started(Recording recording, Optional<Long> totalSize) {
                current = recording;
                total = totalSize;
                TransferReport.this.started(recording, totalSize);
            }

            @Override
            public void progressed(long bytesSoFar) {
                if (current != null) {
                    TransferReport.this.progressed(current, bytesSoFar, total);
                }
            }
        };
    }

    /** Records and prints how the download of {@code recording} to {@code path} (relative to the folder) ended. */
    void add(Recording recording, String path, Either<TapedeckError, DownloadResult> result) {
        add(result.fold(error -> TransferRow.failed(recording, path, error), TransferRow::of));
    }

    /** Records one row; JSON Lines print it at once, tables at the end in order. */
    synchronized void add(TransferRow row) {
        rows.add(row);
        if (run.options().json) {
            bar.finish();
            run.printer().transfer(row);
            run.printer().flush();
        }
    }

    /** A failure that is no file's, such as a history listing that broke off; it counts for the exit code. */
    synchronized void failure(TapedeckError error) {
        bar.finish();
        otherFailures.add(error);
        run.problem(run.errors().text(error));
    }

    /**
     * Prints the table (table mode) and the summary; returns the exit code. Rows that were not ready and sessions
     * without recordings add a note each (printed when the command succeeds); failed files add one line naming how many failed and the first
     * reason.
     */
    synchronized int finish(Path folder, Optional<Path> manifest) {
        bar.finish();
        if (!run.options().json) {
            rows.stream().sorted(TransferRow.ORDER).forEach(run.printer()::transfer);
        }
        run.printer().summary(TransferSummary.of(rows, folder, manifest,
                archive ? Optional.of(sessionsWithoutRecordings) : Optional.empty()));
        run.printer().flush();
        long notReady = rows.stream().filter(r -> r.status() == TransferRow.Status.NOT_READY).count();
        if (notReady > 0) {
            run.note(notReady + (notReady == 1 ? " recording is" : " recordings are") + " waiting: not ready yet "
                    + "at the provider, so left for later; run this again later, or pass --wait DURATION to wait "
                    + "for them");
        }
        if (sessionsWithoutRecordings > 0) {
            run.note(sessionsWithoutRecordings + (sessionsWithoutRecordings == 1
                    ? " session had no recordings" : " sessions had no recordings"));
        }
        Optional<TransferRow> firstFailed = rows.stream().filter(r -> r.status() == TransferRow.Status.FAILED)
                .findFirst();
        if (firstFailed.isPresent()) {
            long failed = rows.stream().filter(r -> r.status() == TransferRow.Status.FAILED).count();
            run.err().println("tapedeck: " + failed + " of " + rows.size() + " recordings failed; first: "
                    + run.errors().scrub(firstFailed.get().error().orElse("unknown error")));
            return firstFailed.get().exitCode();
        }
        return otherFailures.isEmpty() ? ExitCodes.OK : ExitCodes.of(otherFailures.get(0));
    }

    private synchronized String label(Recording recording) {
        String count = expected > 0 ? "[" + Math.min(rows.size() + 1, expected) + "/" + expected + "] " : "["
                + (rows.size() + 1) + "] ";
        return count + recording.provider() + " " + recording.sessionId() + " " + recording.id();
    }
}
