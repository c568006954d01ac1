package dev.tapedeck.download;

import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A recording that is on disk under its final name, verified: fetched now, or found in place and checked. A download
 * that failed is never a {@code DownloadResult}: {@link Downloader#download} returns it as a left
 * {@code TapedeckError}, like every other call.
 *
 * @param provider     the provider id
 * @param sessionId    the session
 * @param recordingId  the recording
 * @param path         the absolute final path (for HLS: the playlist)
 * @param relativePath {@code path} relative to the folder the caller named, with {@code /} separators
 *                     ({@code <provider>/<session>/<file>} unless the caller chose the name)
 * @param sizeBytes    the bytes on disk (HLS: playlist plus segments)
 * @param sha256       lower-case hex SHA-256 of the file (HLS: one SHA-256 over the SHA-256 of the playlist and of
 *                     each file it references, in order)
 * @param status       {@link DownloadStatus#DOWNLOADED} or {@link DownloadStatus#SKIPPED}, never failed
 */
public record DownloadResult(String provider, SessionId sessionId, RecordingId recordingId, Path path,
        String relativePath, long sizeBytes, String sha256, DownloadStatus status) {

    /** Checks for nulls, an absolute path, and a status that is not a failure. */
    public DownloadResult {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(status, "status");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("path must be absolute: " + path);
        }
        if (status == DownloadStatus.FAILED) {
            throw new IllegalArgumentException("a failed download is a TapedeckError, not a DownloadResult");
        }
    }

    /** A file fetched now and in place. */
    public static DownloadResult downloaded(Recording recording, Path path, String relativePath, Fingerprint copy) {
        return new DownloadResult(recording.provider(), recording.sessionId(), recording.id(), path, relativePath,
                copy.sizeBytes(), copy.sha256(), DownloadStatus.DOWNLOADED);
    }

    /** A file already in place and verified. */
    public static DownloadResult skipped(Recording recording, Path path, String relativePath, Fingerprint copy) {
        return new DownloadResult(recording.provider(), recording.sessionId(), recording.id(), path, relativePath,
                copy.sizeBytes(), copy.sha256(), DownloadStatus.SKIPPED);
    }
}
