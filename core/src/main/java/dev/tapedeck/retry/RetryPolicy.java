package dev.tapedeck.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * When and how long to wait before retrying an API call. Pure: time, randomness and headers come in as values.
 *
 * <p>Retried: connection failures, 408, 429 and every 5xx, at most {@code maxRetries} times. An API that says
 * {@code X-Should-Retry: false} is not retried whatever the status, one that says {@code true} is retried whatever
 * the status (Stainless SDKs' semantics). A call that is not idempotent is retried only when its request never left
 * (the connection was refused). The wait is the server's
 * {@code retry-after-ms} or {@code Retry-After} (seconds or an HTTP date) plus up to 10% jitter; without one it is
 * {@code initialDelay·2^(n-1)} capped at {@code maxDelay}, less up to {@code jitter} of it. A server wait longer
 * than {@code maxRetryAfter} is not waited for: the call fails at once with that wait as its hint.
 *
 * @param maxRetries    retries after the first try
 * @param initialDelay  the first backoff
 * @param maxDelay      the largest backoff
 * @param jitter        the share of a backoff taken off at random, 0 to 1
 * @param maxRetryAfter the longest server-requested wait honoured
 * @param random        the source of jitter, uniform in [0, 1)
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, double jitter,
        Duration maxRetryAfter, DoubleSupplier random) {

    /** Checks ranges. */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(random, "random");
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within 0 and 1, was " + jitter);
        }
    }

    /** 2 retries, 0.5 s doubling to 8 s, 25% jitter, Retry-After honoured up to 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), 0.25, Duration.ofSeconds(60),
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return defaults().withMaxRetries(0);
    }

    /** This policy with another retry count. */
    public RetryPolicy withMaxRetries(int value) {
        return new RetryPolicy(value, initialDelay, maxDelay, jitter, maxRetryAfter, random);
    }

    /** This policy with another jitter source, for tests. */
    public RetryPolicy withRandom(DoubleSupplier value) {
        return new RetryPolicy(maxRetries, initialDelay, maxDelay, jitter, maxRetryAfter, value);
    }

    /** Whether a response with {@code status} is worth retrying. */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500 && status <= 599;
    }

    /** Decides what to do after {@code attempt} failed. */
    public RetryDecision decide(Attempt attempt) {
        if (attempt.serverSaysRetry().equals(Optional.of(false))) {
            return new RetryDecision.GiveUp("the server said not to retry");
        }
        if (attempt.status().isPresent() && !isRetryableStatus(attempt.status().getAsInt())
                && !attempt.serverSaysRetry().equals(Optional.of(true))) {
            return new RetryDecision.GiveUp("status " + attempt.status().getAsInt() + " is not retryable");
        }
        if (!attempt.idempotent() && attempt.requestSent()) {
            return new RetryDecision.GiveUp("the call is not idempotent and its request was sent");
        }
        Optional<Duration> serverWait = attempt.serverWait().map(wait -> wait.isNegative() ? Duration.ZERO : wait);
        if (serverWait.isPresent() && serverWait.get().compareTo(maxRetryAfter) > 0) {
            return new RetryDecision.WaitTooLong(serverWait.get());
        }
        if (attempt.retriesSoFar() >= maxRetries) {
            return new RetryDecision.GiveUp("gave up after " + maxRetries + " retries");
        }
        Duration delay = serverWait
                .map(wait -> wait.plus(scale(wait, 0.1 * random.getAsDouble())))
                .orElseGet(() -> backoff(attempt.retriesSoFar() + 1, random.getAsDouble()));
        return new RetryDecision.Retry(delay);
    }

    /**
     * The backoff before retry number {@code retry} (1-based): {@code min(initialDelay·2^(retry-1), maxDelay)}
     * times {@code 1 - jitter·u}, for {@code u} in [0, 1).
     */
    public Duration backoff(int retry, double u) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1");
        }
        Duration base = initialDelay;
        for (int i = 1; i < retry && base.compareTo(maxDelay) < 0; i++) {
            base = base.multipliedBy(2);
        }
        if (base.compareTo(maxDelay) > 0) {
            base = maxDelay;
        }
        return base.minus(scale(base, jitter * u));
    }

    /**
     * The wait a server asked for: {@code retry-after-ms} (milliseconds) wins over {@code Retry-After} (seconds,
     * possibly fractional, or an HTTP date relative to {@code now}). Empty when absent or unparseable; a date in
     * the past is a wait of zero.
     */
    public static Optional<Duration> retryAfter(Function<String, Optional<String>> headers, Instant now) {
        Optional<Duration> millis = headers.apply("retry-after-ms").flatMap(v -> parseNumber(v, 1_000_000L));
        if (millis.isPresent()) {
            return millis;
        }
        return headers.apply("retry-after").flatMap(value -> parseNumber(value, 1_000_000_000L)
                .or(() -> parseDate(value, now)));
    }

    private static Optional<Duration> parseNumber(String value, long nanosPerUnit) {
        String trimmed = value.trim();
        if (!trimmed.matches("\\d{1,12}(\\.\\d{1,9})?")) {
            return Optional.empty();
        }
        double units = Double.parseDouble(trimmed);
        return Optional.of(Duration.ofNanos(Math.round(units * nanosPerUnit)));
    }

    private static Optional<Duration> parseDate(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Duration scale(Duration duration, double factor) {
        return Duration.ofNanos(Math.round(duration.toNanos() * factor));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter + "]";
    }
}
