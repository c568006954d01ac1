package dev.tapedeck.spring.boot.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one real check of a provider, as the health indicators report it.
 *
 * @param provider  the provider id
 * @param state     what the check found
 * @param checkedAt when the provider was last asked
 * @param problem   what went wrong, one line without secrets; empty when up
 */
public record ProviderHealth(String provider, State state, Instant checkedAt, Optional<String> problem) {

    /** What a check can find; the names are the status codes of Spring Boot's health endpoint. */
    public enum State {
        /** The provider answered and took the key. */
        UP,
        /** The provider refused the key, failed, or could not be reached in time. */
        DOWN,
        /** The provider answered that its rate limit is spent: it works, but the check could not tell more. */
        UNKNOWN
    }

    /** Checks for nulls. */
    public ProviderHealth {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(problem, "problem");
    }

    /** What a health endpoint shows besides the state: when the provider was asked and, unless up, what it said. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkedAt", checkedAt.toString());
        problem.ifPresent(text -> details.put("problem", text));
        return details;
    }
}
