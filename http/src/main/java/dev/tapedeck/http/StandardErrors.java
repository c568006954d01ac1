package dev.tapedeck.http;

import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The default mapping from a failed response to a {@link TapedeckError}. The message is the best human text found
 * in the body (JSON {@code message}, {@code error.message}, {@code error.error.message}, {@code detail} as a string
 * or a list of {@code {loc,msg}}, else the plain text), then by status: 400/422 InvalidRequest (a {@code detail}
 * list gives field problems), 401 Unauthorized, 403 Forbidden, 404 NotFound, 408 Transport, 409
 * ProviderFailure(not retryable), 429 RateLimited (wait from {@code retry-after-ms} / {@code Retry-After}, else
 * {@code X-RateLimit-Reset}: seconds from now below 1e9, else a unix time), 5xx ProviderFailure(retryable), 3xx a
 * redirect that API calls never follow, anything else ProviderFailure(not retryable). The body's text and field
 * problems come from {@link HttpFailure#bodyMessage()} and {@link HttpFailure#fieldProblems()}.
 */
public final class StandardErrors {

    /**
     * An {@code X-RateLimit-Reset} this large is a unix time (1e9 s is September 2001); a smaller one counts seconds
     * from now, as some gateways send it.
     */
    private static final long RESET_IS_EPOCH_FROM = 1_000_000_000L;

    private StandardErrors() {
    }

    /** The error {@code failure} stands for, with {@code clock} for rate-limit resets. */
    public static TapedeckError map(HttpFailure failure, Clock clock) {
        String id = failure.providerId();
        int status = failure.status();
        String text = message(failure);
        String said = id + " answered " + failure.method() + " " + failure.path() + " with HTTP " + status + ": " + text;
        if (status == 400 || status == 422) {
            return new TapedeckError.InvalidRequest(id, said + "; fix the request", failure.fieldProblems());
        }
        if (status == 401) {
            return new TapedeckError.Unauthorized(id, said + "; check " + envPrefix(id) + "_API_KEY");
        }
        if (status == 403) {
            return new TapedeckError.Forbidden(id, said + "; the key is not allowed this");
        }
        if (status == 404) {
            return new TapedeckError.NotFound(id, said);
        }
        if (status == 408) {
            return new TapedeckError.Transport(id, said + "; try again later");
        }
        if (status == 429) {
            Optional<Duration> wait = rateLimitWait(failure, clock.instant());
            return new TapedeckError.RateLimited(id, said + "; retry " + wait.map(w -> "in " + seconds(w))
                    .orElse("later"), wait);
        }
        if (status >= 500 && status <= 599) {
            return new TapedeckError.ProviderFailure(id, status, said + "; try again later", failure.bodyExcerpt(), true);
        }
        if (status >= 300 && status <= 399) {
            String target = failure.header("Location").map(Redaction::url).orElse("(no Location)");
            return new TapedeckError.ProviderFailure(id, status, id + " redirected " + failure.method() + " "
                    + failure.path() + " (HTTP " + status + ") to " + target
                    + ", which API calls never follow; check " + envPrefix(id) + "_BASE_URL", failure.bodyExcerpt(), false);
        }
        return new TapedeckError.ProviderFailure(id, status, said, failure.bodyExcerpt(), false);
    }

    /** The best human text in the failure's body, one line, or {@code "no details"} when there is none. */
    public static String message(HttpFailure failure) {
        return failure.bodyMessage().isEmpty() ? "no details" : failure.bodyMessage();
    }

    private static Optional<Duration> rateLimitWait(HttpFailure failure, Instant now) {
        Optional<Duration> asked = RetryPolicy.retryAfter(failure::header, now);
        if (asked.isPresent()) {
            return asked;
        }
        return failure.header("X-RateLimit-Reset").map(String::strip).filter(v -> v.matches("\\d{1,12}"))
                .map(Long::parseLong)
                .map(v -> v < RESET_IS_EPOCH_FROM ? Duration.ofSeconds(v) : Duration.between(now, Instant.ofEpochSecond(v)))
                .map(d -> d.isNegative() ? Duration.ZERO : d);
    }

    /**
     * A wait as people read it: {@code "250 ms"} and {@code "1500 ms"} under 10 s when not whole, {@code "120 s"} up to
     * ten minutes, then {@code "15 min"}, {@code "3 h"} and {@code "26,663 days"}; a unit larger than the
     * second is rounded up, so a wait is never understated. (A Retry-After date decades away printed as
     * thirteen digits of milliseconds.)
     */
    static String seconds(Duration wait) {
        if (wait.compareTo(Duration.ofSeconds(10)) < 0 && wait.toNanosPart() != 0) {
            return wait.toMillis() + " ms";
        }
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        if (seconds <= 600) {
            return seconds + " s";
        }
        if (seconds <= 2 * 3600) {
            return ceilDiv(seconds, 60) + " min";
        }
        if (seconds <= 2 * 86_400) {
            return ceilDiv(seconds, 3600) + " h";
        }
        return String.format(Locale.ROOT, "%,d days", ceilDiv(seconds, 86_400));
    }

    private static long ceilDiv(long amount, long unit) {
        return (amount + unit - 1) / unit;
    }

    static String envPrefix(String providerId) {
        return providerId.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
