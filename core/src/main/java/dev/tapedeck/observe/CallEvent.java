package dev.tapedeck.observe;

import dev.tapedeck.model.TapedeckError;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One API call or media fetch that ended.
 *
 * @param provider  the provider id
 * @param operation what was called: the provider API's method (such as {@code recordings} or {@code sessions}), or
 *                  {@code media} for a fetch of a media URL; a small fixed set per provider, never an id or a URL
 * @param duration  from the first request to the final answer (its headers, and for API calls its whole body),
 *                  retries and the waits between them included
 * @param retries   how many times it was tried again
 * @param error     why it failed, when it did: the error the caller sees
 */
public record CallEvent(String provider, String operation, Duration duration, int retries,
        Optional<TapedeckError> error) {

    /** The operation of a fetch of a media URL (a presigned link, a redirect, an HLS segment). */
    public static final String MEDIA = "media";

    /** Checks for nulls and negative values. */
    public CallEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(error, "error");
        if (duration.isNegative() || retries < 0) {
            throw new IllegalArgumentException("negative duration or retries: " + duration + ", " + retries);
        }
    }

    /** Whether the call succeeded. */
    public boolean succeeded() {
        return error.isEmpty();
    }
}
