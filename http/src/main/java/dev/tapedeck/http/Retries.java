package dev.tapedeck.http;

import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.retry.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one connection's retries share: the {@link RetryPolicy}, the {@link TokenBucket} of its retry budget (one
 * per connection, so API calls and downloads running in parallel draw on the same tokens), the {@link Sleeper}
 * and the {@link Clock}. Each call starts its own {@link RetryRun}.
 *
 * @param providerId the provider, for logs
 * @param policy     when and how long to wait
 * @param budget     the connection's tokens
 * @param sleeper    how to wait
 * @param clock      for deadlines and Retry-After dates
 */
record Retries(String providerId, RetryPolicy policy, TokenBucket budget, Sleeper sleeper, Clock clock) {

    /**
     * The retries of one call ({@code call} says it as "GET https://host/path", redacted, when a retry is logged),
     * within {@code overall} if any, each retry told to {@code trace}.
     */
    RetryRun start(Supplier<String> call, CallTrace trace, boolean idempotent, Optional<Duration> overall) {
        return new RetryRun(this, call, trace, idempotent, overall);
    }
}
