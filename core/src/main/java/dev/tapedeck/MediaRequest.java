package dev.tapedeck;

import dev.tapedeck.model.Redaction;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Which bytes of a recording to open.
 *
 * @param part    a URL within the recording to fetch instead of its main location (an HLS segment); empty for the
 *                recording's own media
 * @param offset  the first byte wanted; servers that ignore ranges answer from 0, which {@link MediaStream#offset()}
 *                reports
 * @param ifRange the validator the earlier bytes came with ({@link MediaStream#validator()}: a strong ETag or a
 *                Last-Modified date), sent as {@code If-Range} so that a changed resource comes whole, from 0
 */
public record MediaRequest(Optional<URI> part, long offset, Optional<String> ifRange) {

    /** Checks for nulls and a non-negative offset. */
    public MediaRequest {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(ifRange, "ifRange");
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
    }

    /** The whole main media. */
    public static MediaRequest whole() {
        return new MediaRequest(Optional.empty(), 0, Optional.empty());
    }

    /** The main media from {@code offset}, if it still has {@code validator}. */
    public static MediaRequest from(long offset, Optional<String> validator) {
        return new MediaRequest(Optional.empty(), offset, validator);
    }

    /** One part (segment) of the recording, whole. */
    public static MediaRequest part(URI uri) {
        return new MediaRequest(Optional.of(uri), 0, Optional.empty());
    }

    /** The part's URL without its query string or user-info, which may carry a signature. */
    @Override
    public String toString() {
        return "MediaRequest[part=" + part.map(Redaction::url).orElse("none") + ", offset=" + offset + ", ifRange="
                + ifRange.orElse("none") + "]";
    }
}
