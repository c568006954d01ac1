package dev.tapedeck.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recording of a session, in neutral form.
 *
 * @param provider    the provider id
 * @param sessionId   the session it belongs to
 * @param id          its id within the provider (providers with one recording per session use a fixed id)
 * @param primary     whether the provider calls it the primary recording
 * @param format      its container
 * @param media       how to reach its bytes
 * @param sizeBytes   its size, when the provider says; for an HLS playlist, the bytes of everything the playlist
 *                    references (segments, init sections, keys)
 * @param duration    its length, when the provider's text parsed as a duration
 * @param rawDuration the provider's duration text as sent, kept when it did not parse
 * @param startOffset where the recording starts within its session, when the provider says (Notte's
 *                    {@code video_start_ms})
 * @param createdAt   when it was created
 * @param fileName    the provider's suggested file name, unsanitised: a download keeps its extension when the
 *                    format allows it (e.g. {@code .wav} for audio, {@code .json} for events) and names the file
 *                    after the recording id (see {@code dev.tapedeck.download.RecordingPaths})
 */
public record Recording(
        String provider,
        SessionId sessionId,
        RecordingId id,
        boolean primary,
        RecordingFormat format,
        MediaLocation media,
        Optional<Long> sizeBytes,
        Optional<Duration> duration,
        Optional<String> rawDuration,
        Optional<Duration> startOffset,
        Optional<Instant> createdAt,
        Optional<String> fileName) {

    /** Checks for nulls and a non-negative size. */
    public Recording {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(rawDuration, "rawDuration");
        Objects.requireNonNull(startOffset, "startOffset");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(fileName, "fileName");
        if (sizeBytes.isPresent() && sizeBytes.get() < 0) {
            throw new IllegalArgumentException("negative recording size: " + sizeBytes.get());
        }
        if (startOffset.isPresent() && startOffset.get().isNegative()) {
            throw new IllegalArgumentException("negative start offset: " + startOffset.get());
        }
    }

    /** Starts a builder with the required values; the rest default to empty, {@code primary} to false. */
    public static Builder builder(String provider, SessionId sessionId, RecordingId id, RecordingFormat format,
            MediaLocation media) {
        return new Builder(provider, sessionId, id, format, media);
    }

    /** This recording with another media location, e.g. after a presigned URL was refreshed. */
    public Recording withMedia(MediaLocation newMedia) {
        return new Recording(provider, sessionId, id, primary, format, newMedia, sizeBytes, duration, rawDuration,
                startOffset, createdAt, fileName);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final String provider;
        private final SessionId sessionId;
        private final RecordingId id;
        private final RecordingFormat format;
        private final MediaLocation media;
        private boolean primary;
        private Long sizeBytes;
        private Duration duration;
        private String rawDuration;
        private Duration startOffset;
        private Instant createdAt;
        private String fileName;

        private Builder(String provider, SessionId sessionId, RecordingId id, RecordingFormat format,
                MediaLocation media) {
            this.provider = provider;
            this.sessionId = sessionId;
            this.id = id;
            this.format = format;
            this.media = media;
        }

        /** Marks the primary recording. */
        public Builder primary(boolean value) {
            this.primary = value;
            return this;
        }

        /** Nullable. */
        public Builder sizeBytes(Long value) {
            this.sizeBytes = value;
            return this;
        }

        /** Nullable. */
        public Builder duration(Duration value) {
            this.duration = value;
            return this;
        }

        /** Nullable: the provider's duration text as sent. */
        public Builder rawDuration(String value) {
            this.rawDuration = value;
            return this;
        }

        /** Nullable: where the recording starts within its session. */
        public Builder startOffset(Duration value) {
            this.startOffset = value;
            return this;
        }

        /** Nullable. */
        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        /** Nullable or blank for none. */
        public Builder fileName(String value) {
            this.fileName = value == null || value.isBlank() ? null : value;
            return this;
        }

        /** Builds the immutable recording. */
        public Recording build() {
            return new Recording(provider, sessionId, id, primary, format, media, Optional.ofNullable(sizeBytes),
                    Optional.ofNullable(duration), Optional.ofNullable(rawDuration), Optional.ofNullable(startOffset),
                    Optional.ofNullable(createdAt),
                    Optional.ofNullable(fileName));
        }
    }
}
