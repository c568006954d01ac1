package dev.tapedeck.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * A failed try that is about to be tried again.
 *
 * @param provider  the provider id
 * @param operation the call's operation, as in {@link CallEvent#operation()}
 * @param retry     which retry this is: 1 for the first
 * @param cause     what failed, one of a bounded set: {@code http_<status>} for an answer such as {@code http_503},
 *                  {@code timeout} when no data came in time, {@code connection} for a connection that failed or
 *                  broke
 * @param delay     how long Tapedeck waits before the retry
 */
public record RetryEvent(String provider, String operation, int retry, String cause, Duration delay) {

    /** Checks for nulls, a positive retry number and a delay that is not negative. */
    public RetryEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(delay, "delay");
        if (retry < 1 || delay.isNegative()) {
            throw new IllegalArgumentException("retry must be at least 1 and delay not negative: " + retry + ", "
                    + delay);
        }
    }
}
