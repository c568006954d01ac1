package dev.tapedeck.http;

import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.retry.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one connection's retries share: the {@link RetryPolicy}, the {@link TokenBucket} of its retry budget (one
 * per connection, so API calls and downloads running in parallel draw on the same tokens), the {@link Sleeper}
 * and the {@link Clock}. Each call starts its own {@link RetryRun}.
 */
final class Retries {

    private final String providerId;
    private final RetryPolicy policy;
    private final TokenBucket budget;
    private final Sleeper sleeper;
    private final Clock clock;

    Retries(String providerId, RetryPolicy policy, TokenBucket budget, Sleeper sleeper, Clock clock) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The retries of one call ({@code call} as "GET https://host/path", redacted), within {@code overall} if any. */
    RetryRun start(String call, boolean idempotent, Optional<Duration> overall) {
        return new RetryRun(this, call, idempotent, overall);
    }

    String providerId() {
        return providerId;
    }

    RetryPolicy policy() {
        return policy;
    }

    TokenBucket budget() {
        return budget;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Clock clock() {
        return clock;
    }
}
