package dev.tapedeck.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * What happened on one try of a call, as the retry policy needs to know it.
 *
 * @param retriesSoFar    how many retries were already made (0 after the first try)
 * @param idempotent      whether the call may safely run twice (GET, or a write the provider declares idempotent)
 * @param requestSent     whether the request may have reached the server (false when the connection was refused)
 * @param status          the HTTP status, empty when no response came
 * @param serverWait      how long the server asked to wait before trying again, when it did
 * @param serverSaysRetry what the API itself said about retrying this answer ({@code X-Should-Retry: true|false}),
 *                        when it said anything; only an API's own answers carry it, never a media host's
 */
public record Attempt(int retriesSoFar, boolean idempotent, boolean requestSent, OptionalInt status,
        Optional<Duration> serverWait, Optional<Boolean> serverSaysRetry) {

    /** Checks for nulls. */
    public Attempt {
        if (retriesSoFar < 0) {
            throw new IllegalArgumentException("negative retry count");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(serverWait, "serverWait");
        Objects.requireNonNull(serverSaysRetry, "serverSaysRetry");
    }

    /**
     * An answer with {@code status}, whose wait is read from {@code headers} (names case-insensitive) by
     * {@link RetryPolicy#retryAfter}; {@code now} is for Retry-After dates.
     */
    public static Attempt response(int retriesSoFar, boolean idempotent, int status,
            Function<String, Optional<String>> headers, Instant now) {
        return response(retriesSoFar, idempotent, status, RetryPolicy.retryAfter(headers, now));
    }

    /** An answer with {@code status} and the wait the server asked for, already read (provider headers included). */
    public static Attempt response(int retriesSoFar, boolean idempotent, int status, Optional<Duration> serverWait) {
        return response(retriesSoFar, idempotent, status, serverWait, Optional.empty());
    }

    /** An answer with {@code status}, the server's wait and what the API said about retrying it. */
    public static Attempt response(int retriesSoFar, boolean idempotent, int status, Optional<Duration> serverWait,
            Optional<Boolean> serverSaysRetry) {
        return new Attempt(retriesSoFar, idempotent, true, OptionalInt.of(status), serverWait, serverSaysRetry);
    }

    /** No answer: the connection failed before ({@code requestSent == false}) or after the request went out. */
    public static Attempt connectionFailure(int retriesSoFar, boolean idempotent, boolean requestSent) {
        return new Attempt(retriesSoFar, idempotent, requestSent, OptionalInt.empty(), Optional.empty(),
                Optional.empty());
    }
}
