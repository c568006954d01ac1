package dev.tapedeck.archive;

import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.TapedeckError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one archive run did.
 *
 * @param entries      one entry per recording handled in this run (and per session that could not be listed), in
 *                     the order they were listed
 * @param listingError why the history listing stopped early, when it failed after its first page
 * @param interrupted  whether the run was interrupted, so later sessions were not handled
 */
public record ArchiveSummary(List<ManifestEntry> entries, Optional<TapedeckError> listingError, boolean interrupted) {

    /** Freezes the entries. */
    public ArchiveSummary {
        entries = List.copyOf(entries);
        Objects.requireNonNull(listingError, "listingError");
    }

    /** How many entries have {@code status}. */
    public long count(DownloadStatus status) {
        return entries.stream().filter(entry -> entry.status() == status).count();
    }

    /** Whether everything selected is on disk: nothing failed, the listing finished, no interrupt. */
    public boolean complete() {
        return count(DownloadStatus.FAILED) == 0 && listingError.isEmpty() && !interrupted;
    }
}
