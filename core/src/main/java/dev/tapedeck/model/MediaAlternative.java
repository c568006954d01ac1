package dev.tapedeck.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One way to fetch a recording's media: a container and where its bytes are. A recording may offer several (Notte
 * sends an MP4 and an HLS playlist of the same replay); {@link Recording#alternatives()} lists them in the order a
 * download tries them.
 *
 * @param format    the container the bytes are in
 * @param media     where the bytes are and how to reach them
 * @param sizeBytes its size, when the provider says; for an HLS playlist, the bytes of everything the playlist
 *                  references (segments, init sections, keys)
 * @param preferred whether the provider prefers it to the others, which puts it before them whatever its format
 */
public record MediaAlternative(RecordingFormat format, MediaLocation media, Optional<Long> sizeBytes,
        boolean preferred) {

    /** Checks for nulls and a non-negative size. */
    public MediaAlternative {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        if (sizeBytes.isPresent() && sizeBytes.get() < 0) {
            throw new IllegalArgumentException("negative recording size: " + sizeBytes.get());
        }
    }

    /** An alternative of unknown size that the provider does not prefer. */
    public static MediaAlternative of(RecordingFormat format, MediaLocation media) {
        return new MediaAlternative(format, media, Optional.empty(), false);
    }

    /** This alternative with {@code size} (nullable: unknown). */
    public MediaAlternative withSize(Long size) {
        return new MediaAlternative(format, media, Optional.ofNullable(size), preferred);
    }

    /** This alternative marked as the provider's preference. */
    public MediaAlternative asPreferred() {
        return new MediaAlternative(format, media, sizeBytes, true);
    }

    /** This alternative with {@code location} instead, e.g. after a presigned URL was refreshed. */
    public MediaAlternative withMedia(MediaLocation location) {
        return new MediaAlternative(format, location, sizeBytes, preferred);
    }

    /**
     * Whether {@code other} is the same way to fetch the recording as this one, perhaps at a fresh address: the same
     * format and the same kind of location (both URLs, both inline playlists or both provider streams).
     */
    public boolean sameKindAs(MediaAlternative other) {
        return format == other.format && media.getClass() == other.media.getClass();
    }
}
