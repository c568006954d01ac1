package dev.tapedeck.archive;

import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an archive's manifest, and one entry of an archive run's summary.
 *
 * @param provider    the provider id
 * @param sessionId   the session id
 * @param recordingId the recording id; empty when the session's recordings could not be listed at all
 * @param path        the file relative to the archive folder with {@code /} separators (for HLS: the playlist);
 *                    empty when unknown
 * @param sizeBytes   bytes on disk (HLS: playlist plus segments); 0 for a failure
 * @param sha256      lower-case hex SHA-256 of the file (HLS: of the playlist); empty for a failure
 * @param status      downloaded, skipped or failed
 * @param error       the failure's one-line message, present exactly for a failure
 */
public record ManifestEntry(String provider, String sessionId, String recordingId, String path, long sizeBytes,
        String sha256, DownloadStatus status, Optional<String> error) {

    /** Checks for nulls and an error exactly on failure. */
    public ManifestEntry {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative size " + sizeBytes);
        }
        if (error.isPresent() != (status == DownloadStatus.FAILED)) {
            throw new IllegalArgumentException("an error goes with status failed and only with it");
        }
    }

    /** The entry for a download's result; its relative path should be relative to the archive folder. */
    public static ManifestEntry of(DownloadResult result) {
        return new ManifestEntry(result.provider(), result.sessionId().value(), result.recordingId().value(),
                result.relativePath(), result.sizeBytes(), result.sha256(), result.status(),
                result.error().map(TapedeckError::message));
    }

    /** The entry for a session whose recordings could not be listed. */
    public static ManifestEntry sessionFailed(String provider, SessionId session, TapedeckError error) {
        return new ManifestEntry(provider, session.value(), "", "", 0, "", DownloadStatus.FAILED,
                Optional.of(error.message()));
    }

    /** Whether this entry records a file that was in place (downloaded or skipped). */
    public boolean done() {
        return status != DownloadStatus.FAILED;
    }

    /** The same file recorded as skipped by a later run. */
    public ManifestEntry asSkipped() {
        return new ManifestEntry(provider, sessionId, recordingId, path, sizeBytes, sha256, DownloadStatus.SKIPPED,
                Optional.empty());
    }

    /** What identifies the recording across runs: provider, session and recording id. */
    public Key key() {
        return new Key(provider, sessionId, recordingId);
    }

    /**
     * The identity of a recording in a manifest; the latest line per key wins.
     *
     * @param provider    the provider id
     * @param sessionId   the session id
     * @param recordingId the recording id
     */
    public record Key(String provider, String sessionId, String recordingId) {
        /** Checks for nulls. */
        public Key {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(recordingId, "recordingId");
        }
    }
}
