package dev.tapedeck.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One recording of a session, in neutral form.
 *
 * <p>A recording has one or more {@linkplain MediaAlternative alternatives}, ways to fetch the same media (Notte:
 * an MP4 and an HLS playlist), kept in the order a download tries them: those the provider marks
 * {@linkplain MediaAlternative#preferred() preferred} first, then by format, MP4, WebM, audio, HLS, events, other
 * (so an MP4 comes before a playlist unless the provider says otherwise), the provider's order among equals.
 * {@link #format()}, {@link #media()} and {@link #sizeBytes()} are those of the first.
 *
 * <p>What the provider sent about the recording that has no neutral field here stays in {@code providerData}
 * with its JSON type; its {@code toString} masks URLs and credentials.
 *
 * @param provider     the provider id
 * @param sessionId    the session it belongs to
 * @param id           its id within the provider (providers with one recording per session use a fixed id)
 * @param primary      whether the provider calls it the primary recording
 * @param alternatives the ways to fetch it, at least one, in the order a download tries them
 * @param duration     its length, when the provider's text parsed as a duration
 * @param rawDuration  the provider's duration text as sent, kept when it did not parse
 * @param startOffset  where the recording starts within its session, when the provider says (Notte's
 *                     {@code video_start_ms})
 * @param createdAt    when it was created
 * @param fileName     the provider's suggested file name, unsanitised: a download keeps its extension when the
 *                     format allows it (e.g. {@code .wav} for audio, {@code .json} for events) and names the file
 *                     after the recording id (see {@code dev.tapedeck.download.RecordingPaths})
 * @param providerData the provider's fields without a neutral home, under their wire names, typed
 * @param unreadFields wire names of fields sent with a value their neutral field could not read; the raw values are
 *                     in {@code providerData}
 */
public record Recording(
        String provider,
        SessionId sessionId,
        RecordingId id,
        boolean primary,
        List<MediaAlternative> alternatives,
        Optional<Duration> duration,
        Optional<String> rawDuration,
        Optional<Duration> startOffset,
        Optional<Instant> createdAt,
        Optional<String> fileName,
        JsonValue.ObjectValue providerData,
        List<String> unreadFields) {

    /** The order in which a download tries alternatives: preferred first, then by format, stable. */
    private static final Comparator<MediaAlternative> DOWNLOAD_ORDER = Comparator
            .comparing((MediaAlternative alternative) -> !alternative.preferred())
            .thenComparing(alternative -> rank(alternative.format()));

    /** Checks for nulls, at least one alternative and a non-negative start offset; orders the alternatives. */
    public Recording {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(rawDuration, "rawDuration");
        Objects.requireNonNull(startOffset, "startOffset");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(providerData, "providerData");
        unreadFields = List.copyOf(unreadFields);
        List<MediaAlternative> ordered = new ArrayList<>(alternatives);
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("a recording needs at least one way to fetch it");
        }
        ordered.sort(DOWNLOAD_ORDER);
        alternatives = List.copyOf(ordered);
        if (startOffset.isPresent() && startOffset.get().isNegative()) {
            throw new IllegalArgumentException("negative start offset: " + startOffset.get());
        }
    }

    private static int rank(RecordingFormat format) {
        switch (format) {
            case MP4:
                return 0;
            case WEBM:
                return 1;
            case AUDIO:
                return 2;
            case HLS:
                return 3;
            case EVENTS:
                return 4;
            default:
                return 5;
        }
    }

    /** Starts a builder with the required values and the first way to fetch it; the rest default to empty. */
    public static Builder builder(String provider, SessionId sessionId, RecordingId id, RecordingFormat format,
            MediaLocation media) {
        return new Builder(provider, sessionId, id, MediaAlternative.of(format, media));
    }

    /** The container of the first alternative. */
    public RecordingFormat format() {
        return alternatives.get(0).format();
    }

    /** Where the bytes of the first alternative are. */
    public MediaLocation media() {
        return alternatives.get(0).media();
    }

    /** The size of the first alternative, when the provider says. */
    public Optional<Long> sizeBytes() {
        return alternatives.get(0).sizeBytes();
    }

    /** This recording with the first alternative at another location, e.g. after a presigned URL was refreshed. */
    public Recording withMedia(MediaLocation newMedia) {
        List<MediaAlternative> changed = new ArrayList<>(alternatives);
        changed.set(0, changed.get(0).withMedia(newMedia));
        return withAlternatives(changed);
    }

    /** This recording fetched only through {@code alternative}, which a download uses while it tries that one. */
    public Recording using(MediaAlternative alternative) {
        return withAlternatives(List.of(alternative));
    }

    /** The alternative of this recording that is the same kind as {@code wanted} (see {@link MediaAlternative#sameKindAs}). */
    public Optional<MediaAlternative> alternativeLike(MediaAlternative wanted) {
        return alternatives.stream().filter(wanted::sameKindAs).findFirst();
    }

    private Recording withAlternatives(List<MediaAlternative> values) {
        return new Recording(provider, sessionId, id, primary, values, duration, rawDuration, startOffset, createdAt,
                fileName, providerData, unreadFields);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder extends ProviderFields<Builder> {
        private final String provider;
        private final SessionId sessionId;
        private final RecordingId id;
        private final List<MediaAlternative> alternatives = new ArrayList<>();
        private boolean primary;
        private Duration duration;
        private String rawDuration;
        private Duration startOffset;
        private Instant createdAt;
        private String fileName;

        private Builder(String provider, SessionId sessionId, RecordingId id, MediaAlternative first) {
            this.provider = provider;
            this.sessionId = sessionId;
            this.id = id;
            this.alternatives.add(first);
        }

        /** Marks the primary recording. */
        public Builder primary(boolean value) {
            this.primary = value;
            return this;
        }

        /** Nullable: the size of the way to fetch it given to {@link Recording#builder}. */
        public Builder sizeBytes(Long value) {
            alternatives.set(0, alternatives.get(0).withSize(value));
            return this;
        }

        /** Adds another way to fetch the same media. */
        public Builder alternative(MediaAlternative value) {
            alternatives.add(Objects.requireNonNull(value, "alternative"));
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

        @Override
        Builder self() {
            return this;
        }

        /** Builds the immutable recording. */
        public Recording build() {
            return new Recording(provider, sessionId, id, primary, alternatives, Optional.ofNullable(duration),
                    Optional.ofNullable(rawDuration), Optional.ofNullable(startOffset), Optional.ofNullable(createdAt),
                    Optional.ofNullable(fileName), providerData(), unreadNames());
        }
    }
}
