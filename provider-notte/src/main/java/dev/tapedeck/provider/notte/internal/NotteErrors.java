package dev.tapedeck.provider.notte.internal;

import dev.tapedeck.http.ErrorMapper;
import dev.tapedeck.http.HttpFailure;
import dev.tapedeck.http.StandardErrors;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Notte's error answers. A 404 whose body (message or detail) says the session is "still active" means the replay will exist once
 * the session closes, so it is NotReady (with the server's Retry-After, when it sends one); everything else reads as
 * {@link StandardErrors} reads it: {@code {message, detail}} bodies, 422 field details, 529 "overloaded" as a
 * retryable failure, 429 waits from {@code X-RateLimit-Reset} when there is no Retry-After.
 */
record NotteErrors(Clock clock) implements ErrorMapper {

    @Override
    public TapedeckError map(HttpFailure failure) {
        if (failure.status() == 404 && saysStillActive(failure)) {
            Optional<Duration> wait = RetryPolicy.retryAfter(failure::header, clock.instant());
            return new TapedeckError.NotReady(NotteProvider.ID, "notte has no replay yet for " + failure.method() + " "
                    + failure.path() + ": " + StandardErrors.message(failure)
                    + "; a replay exists only after the session is closed, so stop the session or wait for it to end",
                    wait);
        }
        return StandardErrors.map(failure, clock);
    }

    /** Whether the message, or any other part of the body (Notte puts it in {@code detail} too), says so. */
    private static boolean saysStillActive(HttpFailure failure) {
        return (StandardErrors.message(failure) + " " + failure.bodyExcerpt()).toLowerCase(Locale.ROOT)
                .contains("still active");
    }
}
