package dev.tapedeck.retry;

import java.time.Duration;

/** What to do after a failed try. */
public sealed interface RetryDecision {

    /** Try again after {@code delay}. */
    record Retry(Duration delay) implements RetryDecision {
    }

    /** Do not try again; {@code reason} says why, for logs. */
    record GiveUp(String reason) implements RetryDecision {
    }

    /** The server asked to wait {@code requested}, longer than the policy allows: fail now and tell the caller. */
    record WaitTooLong(Duration requested) implements RetryDecision {
    }
}
