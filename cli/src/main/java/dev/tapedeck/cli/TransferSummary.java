package dev.tapedeck.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code download} or {@code archive} run did in all, for the summary people read after the table.
 *
 * @param counts                    rows per status, every status present
 * @param bytes                     bytes downloaded in this run
 * @param folder                    the target folder
 * @param manifest                  the archive's manifest, when there is one
 * @param sessionsWithoutRecordings for an archive, how many sessions had no recordings (they have no rows)
 */
record TransferSummary(Map<TransferRow.Status, Integer> counts, long bytes, Path folder, Optional<Path> manifest,
        Optional<Integer> sessionsWithoutRecordings) {

    /** Checks for nulls and copies the counts. */
    TransferSummary {
        counts = Map.copyOf(counts);
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(sessionsWithoutRecordings, "sessionsWithoutRecordings");
    }

    /** Counts {@code rows}. */
    static TransferSummary of(List<TransferRow> rows, Path folder, Optional<Path> manifest,
            Optional<Integer> sessionsWithoutRecordings) {
        Map<TransferRow.Status, Integer> counts = new EnumMap<>(TransferRow.Status.class);
        for (TransferRow.Status status : TransferRow.Status.values()) {
            counts.put(status, 0);
        }
        long bytes = 0;
        for (TransferRow row : rows) {
            counts.merge(row.status(), 1, Integer::sum);
            if (row.status() == TransferRow.Status.DOWNLOADED) {
                bytes += row.sizeBytes().orElse(0L);
            }
        }
        return new TransferSummary(counts, bytes, folder, manifest, sessionsWithoutRecordings);
    }

    /** The rows with {@code status}. */
    int count(TransferRow.Status status) {
        return counts.getOrDefault(status, 0);
    }
}
