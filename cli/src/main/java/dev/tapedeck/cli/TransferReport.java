package dev.tapedeck.cli;

import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code download} and {@code archive} share: a progress bar, one printed row per file, the summary for
 * people, and the exit code, which is that of the first failure after everything is printed. Thread-safe, since
 * an archive downloads in parallel; the bar shows the file that reported last.
 */
final class TransferReport {

    private final CliRun run;
    private final ProgressBar bar;
    private final List<TransferRow> rows = new ArrayList<>();
    private final List<TapedeckError> otherFailures = new ArrayList<>();
    private int expected;

    TransferReport(CliRun run) {
        this.run = run;
        this.bar = run.progressBar();
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

    /** Records and prints one finished download. */
    void add(DownloadResult result) {
        add(TransferRow.of(result));
    }

    /** Records and prints one row; JSON Lines print it at once, tables at the end. */
    synchronized void add(TransferRow row) {
        rows.add(row);
        if (run.options().json) {
            bar.finish();
        }
        run.printer().transfer(row);
        if (run.options().json) {
            run.printer().flush();
        }
    }

    /** A failure that is no file's, such as a history listing that broke off; it counts for the exit code. */
    synchronized void failure(TapedeckError error) {
        bar.finish();
        otherFailures.add(error);
        run.note(run.errors().text(error));
    }

    /**
     * Prints the table (table mode) and the summary; returns the exit code. Failed files add one line on stderr
     * naming how many failed and the first reason.
     */
    synchronized int finish(Path folder, Optional<Path> manifest) {
        bar.finish();
        run.printer().summary(TransferSummary.of(rows, folder, manifest));
        run.printer().flush();
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
