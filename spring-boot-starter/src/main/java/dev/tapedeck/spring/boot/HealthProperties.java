package dev.tapedeck.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tapedeck.health.*}: whether each configured provider gets a health indicator, how long a real check is
 * reused before the next probe spends a request of the provider's rate limit, and how long a probe may take.
 *
 * @param enabled  a health indicator per configured provider
 * @param cacheFor how long the last real check answers every probe; a check costs one cheap API request
 * @param timeout  how long one check may take in all; a check is never retried
 */
public record HealthProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration cacheFor,
        @DefaultValue("10s") Duration timeout) {

    /** Checks that the durations are not negative and the timeout positive. */
    public HealthProperties {
        if (cacheFor == null || cacheFor.isNegative()) {
            throw new IllegalArgumentException("tapedeck.health.cache-for must be zero or more, was " + cacheFor);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("tapedeck.health.timeout must be positive, was " + timeout);
        }
    }
}
