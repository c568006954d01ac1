package dev.tapedeck.cli;

import dev.tapedeck.archive.ManifestEntry;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a {@code download} or {@code archive} report, whatever produced it.
 *
 * @param provider    the provider id
 * @param sessionId   the session
 * @param recordingId the recording, empty when the failure came before one was known
 * @param path        the file, relative to the target folder
 * @param sizeBytes   bytes on disk
 * @param sha256      the file's SHA-256 in hex
 * @param status      what happened
 * @param error       why it failed, for people
 * @param cause       why it failed, as an error whose class gives the exit code, when known
 */
record TransferRow(String provider, String sessionId, Optional<String> recordingId, Optional<String> path,
        Optional<Long> sizeBytes, Optional<String> sha256, Status status, Optional<String> error,
        Optional<TapedeckError> cause) {

    /** What happened to one recording. */
    enum Status {
        /** Fetched in this run. */
        DOWNLOADED,
        /** Already there and complete, left alone. */
        SKIPPED,
        /** Not fetched; see the error. */
        FAILED,
        /**
         * Not ready yet (a session still active, a recording still processing) and left for a later run; no
         * failure. Printed as {@code waiting} everywhere (table, JSON, summary); its error says why.
         */
        NOT_READY;

        /** The lower-case word printed in both output modes and the summary. */
        String wireName() {
            return this == NOT_READY ? "waiting" : name().toLowerCase(Locale.ROOT);
        }

        static Status of(DownloadStatus status) {
            return status == DownloadStatus.DOWNLOADED ? DOWNLOADED
                    : status == DownloadStatus.SKIPPED ? SKIPPED : FAILED;
        }
    }

    /** Checks for nulls. */
    TransferRow {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
    }

    /** The row of a file in place, downloaded or skipped. */
    static TransferRow of(DownloadResult result) {
        return new TransferRow(result.provider(), result.sessionId().value(),
                Optional.of(result.recordingId().value()), Optional.of(result.relativePath()),
                Optional.of(result.sizeBytes()), text(result.sha256()), Status.of(result.status()), Optional.empty(),
                Optional.empty());
    }

    /** The row of a download of {@code recording} that failed; {@code path} is where it would have gone. */
    static TransferRow failed(Recording recording, String path, TapedeckError error) {
        return new TransferRow(recording.provider(), recording.sessionId().value(), Optional.of(recording.id().value()),
                Optional.of(path), Optional.empty(), Optional.empty(), Status.FAILED, Optional.of(error.message()),
                Optional.of(error));
    }

    /** The row of an archive's manifest entry; {@code cause} is the typed error behind a failure, when known. */
    static TransferRow of(ManifestEntry entry, Optional<TapedeckError> cause) {
        boolean failed = entry.status() == DownloadStatus.FAILED;
        boolean noFile = failed || entry.notReady();
        return new TransferRow(entry.provider(), entry.sessionId(), text(entry.recordingId()), text(entry.path()),
                noFile ? Optional.empty() : Optional.of(entry.sizeBytes()), text(entry.sha256()),
                entry.notReady() ? Status.NOT_READY : Status.of(entry.status()),
                entry.notReady() ? entry.notReadyReason() : entry.error(), failed ? cause : Optional.empty());
    }

    /** The order of a stable report: provider, session, recording, path. */
    static final Comparator<TransferRow> ORDER = Comparator.comparing(TransferRow::provider)
            .thenComparing(TransferRow::sessionId)
            .thenComparing(row -> row.recordingId().orElse(""))
            .thenComparing(row -> row.path().orElse(""));

    /**
     * The exit code this row calls for: 0 unless it failed (a row that was not ready did not), else its cause's; a
     * failure whose class is unknown
     * (only its message survived) counts as a provider or network failure.
     */
    int exitCode() {
        if (status != Status.FAILED) {
            return ExitCodes.OK;
        }
        return cause.map(ExitCodes::of).orElse(ExitCodes.UNAVAILABLE);
    }

    private static Optional<String> text(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
