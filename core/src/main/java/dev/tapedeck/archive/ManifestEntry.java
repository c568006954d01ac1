package dev.tapedeck.archive;

import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.Recording;
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
 * @param sha256      lower-case hex SHA-256 of the file (HLS: one SHA-256 over the SHA-256 of the playlist and of
 *                    each file it references, in order); empty for a failure
 * @param status      downloaded, skipped or failed
 * @param error       the failure's one-line message, present for every failure; also present on a skipped entry
 *                    that is {@linkplain #notReady() not ready}, saying so; absent otherwise
 */
public record ManifestEntry(String provider, String sessionId, String recordingId, String path, long sizeBytes,
        String sha256, DownloadStatus status, Optional<String> error) {

    /** The start of the error of an entry that was skipped because it was not ready, see {@link #notReady()}. */
    public static final String NOT_READY_PREFIX = "not ready yet: ";

    /** The end of the error of an entry that was not ready: what to do about it. */
    public static final String NOT_READY_ADVICE = "; re-run later or pass --wait";

    /** Checks for nulls, an error on every failure and none on a download. */
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
        if (status == DownloadStatus.FAILED && error.isEmpty()) {
            throw new IllegalArgumentException("a failure needs its error");
        }
        if (status == DownloadStatus.DOWNLOADED && error.isPresent()) {
            throw new IllegalArgumentException("a download has no error");
        }
    }

    /** The entry for a file in place; its relative path should be relative to the archive folder. */
    public static ManifestEntry of(DownloadResult result) {
        return new ManifestEntry(result.provider(), result.sessionId().value(), result.recordingId().value(),
                result.relativePath(), result.sizeBytes(), result.sha256(), result.status(), Optional.empty());
    }

    /** The entry for a recording whose download failed; {@code path} is where it would have gone. */
    public static ManifestEntry recordingFailed(Recording recording, String path, TapedeckError error) {
        return new ManifestEntry(recording.provider(), recording.sessionId().value(), recording.id().value(), path, 0,
                "", DownloadStatus.FAILED, Optional.of(error.message()));
    }

    /** The entry for a session whose recordings could not be listed. */
    public static ManifestEntry sessionFailed(String provider, SessionId session, TapedeckError error) {
        return new ManifestEntry(provider, session.value(), "", "", 0, "", DownloadStatus.FAILED,
                Optional.of(error.message()));
    }

    /**
     * The entry for a recording (or, with an empty {@code recordingId} and {@code path}, a whole session) that was
     * not ready yet and was left for a later run: status skipped, no file, and an error that says to re-run later
     * or wait. It is not a failure, and it is not {@linkplain #done() done}: the next run tries it again.
     */
    public static ManifestEntry notReady(String provider, String sessionId, String recordingId, String path,
            TapedeckError error) {
        return new ManifestEntry(provider, sessionId, recordingId, path, 0, "", DownloadStatus.SKIPPED,
                Optional.of(NOT_READY_PREFIX + error.message() + NOT_READY_ADVICE));
    }

    /**
     * For an entry that was {@linkplain #notReady() not ready}, why: its error without the prefix and the advice, so
     * a report can give the advice once for all such entries.
     */
    public Optional<String> notReadyReason() {
        return error.filter(text -> notReady()).map(text -> {
            String reason = text.startsWith(NOT_READY_PREFIX) ? text.substring(NOT_READY_PREFIX.length()) : text;
            return reason.endsWith(NOT_READY_ADVICE)
                    ? reason.substring(0, reason.length() - NOT_READY_ADVICE.length()) : reason;
        });
    }

    /** Whether this entry is a recording or session left for a later run because it was not ready yet. */
    public boolean notReady() {
        return status == DownloadStatus.SKIPPED && error.isPresent();
    }

    /**
     * Whether this entry records a file that was in place (downloaded, or skipped because it was already there).
     * An archive re-run still trusts it only when the file has the recorded size and SHA-256.
     */
    public boolean done() {
        return status != DownloadStatus.FAILED && !notReady();
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
