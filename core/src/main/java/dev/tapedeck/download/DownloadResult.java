package dev.tapedeck.download;

import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How one recording's download ended, with everything a report line needs.
 *
 * @param provider     the provider id
 * @param sessionId    the session
 * @param recordingId  the recording
 * @param path         the absolute final path (for HLS: the playlist); for a failure, where it would have gone
 * @param relativePath {@code path} relative to the folder the caller named, with {@code /} separators
 *                     ({@code <provider>/<session>/<file>} unless the caller chose the name)
 * @param sizeBytes    the bytes on disk (HLS: playlist plus segments); 0 for a failure
 * @param sha256       lower-case hex SHA-256 of the file (HLS: of the playlist); empty for a failure
 * @param status       downloaded, skipped or failed
 * @param error        why it failed; present exactly when {@code status} is {@link DownloadStatus#FAILED}
 */
public record DownloadResult(String provider, SessionId sessionId, RecordingId recordingId, Path path,
        String relativePath, long sizeBytes, String sha256, DownloadStatus status, Optional<TapedeckError> error) {

    /** Checks for nulls, an absolute path, and an error exactly on failure. */
    public DownloadResult {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("path must be absolute: " + path);
        }
        if (error.isPresent() != (status == DownloadStatus.FAILED)) {
            throw new IllegalArgumentException("an error goes with status failed and only with it");
        }
    }

    /** A file fetched now and in place. */
    public static DownloadResult downloaded(Recording recording, Path path, String relativePath, Fingerprint copy) {
        return new DownloadResult(recording.provider(), recording.sessionId(), recording.id(), path, relativePath,
                copy.sizeBytes(), copy.sha256(), DownloadStatus.DOWNLOADED, Optional.empty());
    }

    /** A file already in place and verified. */
    public static DownloadResult skipped(Recording recording, Path path, String relativePath, Fingerprint copy) {
        return new DownloadResult(recording.provider(), recording.sessionId(), recording.id(), path, relativePath,
                copy.sizeBytes(), copy.sha256(), DownloadStatus.SKIPPED, Optional.empty());
    }

    /** A failure; {@code path} is where the file would have gone. */
    public static DownloadResult failed(Recording recording, Path path, String relativePath, TapedeckError error) {
        return new DownloadResult(recording.provider(), recording.sessionId(), recording.id(), path, relativePath,
                0, "", DownloadStatus.FAILED, Optional.of(error));
    }

    /** This result with {@code another} error, for a caller that retried and has a better explanation. */
    public DownloadResult withError(TapedeckError another) {
        return new DownloadResult(provider, sessionId, recordingId, path, relativePath, 0, "",
                DownloadStatus.FAILED, Optional.of(another));
    }

    /** Right with this result when it did not fail, else left with its error. */
    public Either<TapedeckError, DownloadResult> toEither() {
        return error.<Either<TapedeckError, DownloadResult>>map(Either::left).orElseGet(() -> Either.right(this));
    }
}
