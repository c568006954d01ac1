package dev.tapedeck.archive;

import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.TapedeckError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one archive run did.
 *
 * @param entries                   one entry per recording handled in this run (and per session that could not
 *                                  be listed, or was not ready yet), in the order they were listed
 * @param sessionsWithoutRecordings how many sessions of the history had no recordings: recording was off, or the
 *                                  provider has none for them; they have no entries
 * @param listingError              why the history listing stopped early, when it failed after its first page
 * @param interrupted               whether the run was interrupted, so later sessions were not handled
 */
public record ArchiveSummary(List<ManifestEntry> entries, int sessionsWithoutRecordings,
        Optional<TapedeckError> listingError, boolean interrupted) {

    /** Freezes the entries and checks the count. */
    public ArchiveSummary {
        entries = List.copyOf(entries);
        Objects.requireNonNull(listingError, "listingError");
        if (sessionsWithoutRecordings < 0) {
            throw new IllegalArgumentException("negative count " + sessionsWithoutRecordings);
        }
    }

    /**
     * How many entries have {@code status}; {@link DownloadStatus#SKIPPED} counts both files already in place and
     * entries that were {@linkplain ManifestEntry#notReady() not ready}, see {@link #notReady()}.
     */
    public long count(DownloadStatus status) {
        return entries.stream().filter(entry -> entry.status() == status).count();
    }

    /** How many entries were not ready yet and were left for a later run. */
    public long notReady() {
        return entries.stream().filter(ManifestEntry::notReady).count();
    }

    /** Whether nothing went wrong: nothing failed, the listing finished, no interrupt; not-ready entries may remain. */
    public boolean succeeded() {
        return count(DownloadStatus.FAILED) == 0 && listingError.isEmpty() && !interrupted;
    }

    /** Whether everything selected is on disk: it {@linkplain #succeeded() succeeded} and nothing was not ready. */
    public boolean complete() {
        return succeeded() && notReady() == 0;
    }
}
