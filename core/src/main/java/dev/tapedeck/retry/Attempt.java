package dev.tapedeck.retry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * What happened on one try of a call, as the retry policy needs to know it.
 *
 * @param retriesSoFar how many retries were already made (0 after the first try)
 * @param idempotent   whether the call may safely run twice (GET, or a write the provider declares idempotent)
 * @param requestSent  whether the request may have reached the server (false when the connection was refused)
 * @param status       the HTTP status, empty when no response came
 * @param headers      the response headers by name, case-insensitive
 * @param now          the current time, for Retry-After dates
 */
public record Attempt(int retriesSoFar, boolean idempotent, boolean requestSent, OptionalInt status,
        Function<String, Optional<String>> headers, Instant now) {

    /** Checks for nulls. */
    public Attempt {
        if (retriesSoFar < 0) {
            throw new IllegalArgumentException("negative retry count");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(now, "now");
    }

    /** An answer with {@code status} and {@code headers}. */
    public static Attempt response(int retriesSoFar, boolean idempotent, int status,
            Function<String, Optional<String>> headers, Instant now) {
        return new Attempt(retriesSoFar, idempotent, true, OptionalInt.of(status), headers, now);
    }

    /** No answer: the connection failed before ({@code requestSent == false}) or after the request went out. */
    public static Attempt connectionFailure(int retriesSoFar, boolean idempotent, boolean requestSent, Instant now) {
        return new Attempt(retriesSoFar, idempotent, requestSent, OptionalInt.empty(), name -> Optional.empty(), now);
    }
}
