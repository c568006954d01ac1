package dev.tapedeck.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Switchable faults, each scoped to the next N requests of one origin so that tests stay deterministic. Rules
 * stack: a request consumes one unit of every rule of its origin that is still pending, in the order they were
 * added. On a request they apply as: latency, then reset, then rate limit, then failure; truncation and dribbling
 * shape the body of whatever answer follows. Thread-safe; every method returns {@code this} for chaining.
 */
public final class Faults {

    private enum Kind { LATENCY, RESET, RATE_LIMIT, FAIL, FAIL_SHARE, TRUNCATE, DRIBBLE }

    private static final class Rule {
        final Origin origin;
        final Kind kind;
        int remaining;
        final long amount;
        final double share;
        final Duration duration;

        Rule(Origin origin, Kind kind, int remaining, long amount, double share, Duration duration) {
            this.origin = origin;
            this.kind = kind;
            this.remaining = remaining;
            this.amount = amount;
            this.share = share;
            this.duration = duration;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Random random;

    Faults(long seed) {
        this.random = new Random(seed ^ 0x5EEDFA17L);
    }

    /**
     * The next {@code requests} API requests answer 429 in their provider's style: AnchorBrowser and Kataven with
     * {@code Retry-After: retryAfterSeconds}, Notte with {@code X-RateLimit-Limit/Remaining/Reset} (reset = now +
     * retryAfterSeconds, unix seconds) and no Retry-After.
     */
    public Faults rateLimitNext(int requests, int retryAfterSeconds) {
        requireNonNegative("retryAfterSeconds", retryAfterSeconds);
        return add(new Rule(Origin.API, Kind.RATE_LIMIT, requests, retryAfterSeconds, 0, Duration.ZERO));
    }

    /** The next {@code requests} requests to {@code origin} wait {@code latency} (via the {@link Pauser}) first. */
    public Faults latencyNext(Origin origin, int requests, Duration latency) {
        Objects.requireNonNull(latency, "latency");
        return add(new Rule(origin, Kind.LATENCY, requests, 0, 0, latency));
    }

    /** The next {@code requests} requests to {@code origin} answer {@code status} (e.g. 500, 503, 529). */
    public Faults failNext(Origin origin, int requests, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        return add(new Rule(origin, Kind.FAIL, requests, status, 0, Duration.ZERO));
    }

    /**
     * Each of the next {@code requests} requests to {@code origin} fails with probability {@code share}, as a 500
     * or a 503; the draws come from the sandbox seed, so a given order of requests always fails the same way.
     */
    public Faults failShareOfNext(Origin origin, int requests, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1]: " + share);
        }
        return add(new Rule(origin, Kind.FAIL_SHARE, requests, 0, share, Duration.ZERO));
    }

    /** The next {@code requests} requests to {@code origin} get their connection closed without any response. */
    public Faults resetNext(Origin origin, int requests) {
        return add(new Rule(origin, Kind.RESET, requests, 0, 0, Duration.ZERO));
    }

    /**
     * The next {@code requests} responses from {@code origin} declare their full Content-Length but send only the
     * first {@code bytesSent} bytes of the body, then close the connection.
     */
    public Faults truncateNext(Origin origin, int requests, long bytesSent) {
        requireNonNegative("bytesSent", bytesSent);
        return add(new Rule(origin, Kind.TRUNCATE, requests, bytesSent, 0, Duration.ZERO));
    }

    /**
     * The next {@code requests} response bodies from {@code origin} are sent {@code chunkBytes} at a time, with a
     * pause of {@code pause} between chunks.
     */
    public Faults dribbleNext(Origin origin, int requests, int chunkBytes, Duration pause) {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunkBytes must be positive: " + chunkBytes);
        }
        Objects.requireNonNull(pause, "pause");
        return add(new Rule(origin, Kind.DRIBBLE, requests, chunkBytes, 0, pause));
    }

    /** Drops every pending rule. */
    public Faults clear() {
        synchronized (rules) {
            rules.clear();
        }
        return this;
    }

    /** How many request-units of rules for {@code origin} are still pending. */
    public int pending(Origin origin) {
        synchronized (rules) {
            return rules.stream().filter(r -> r.origin == origin).mapToInt(r -> r.remaining).sum();
        }
    }

    FaultPlan next(Origin origin) {
        FaultPlan plan = FaultPlan.NONE;
        synchronized (rules) {
            for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
                Rule rule = it.next();
                if (rule.origin != origin) {
                    continue;
                }
                plan = apply(rule, plan);
                if (--rule.remaining <= 0) {
                    it.remove();
                }
            }
        }
        return plan;
    }

    private FaultPlan apply(Rule rule, FaultPlan plan) {
        switch (rule.kind) {
            case LATENCY:
                return plan.withLatency(rule.duration);
            case RESET:
                return plan.withReset();
            case RATE_LIMIT:
                return plan.withRateLimit((int) rule.amount);
            case FAIL:
                return plan.withFailure((int) rule.amount);
            case FAIL_SHARE:
                // Both draws happen on every request so that the sequence does not depend on earlier outcomes.
                boolean fail = random.nextDouble() < rule.share;
                int status = random.nextBoolean() ? 500 : 503;
                return fail ? plan.withFailure(status) : plan;
            case TRUNCATE:
                return plan.withTruncation(rule.amount);
            case DRIBBLE:
                return plan.withDribble((int) rule.amount, rule.duration);
            default:
                throw new IllegalStateException("unknown fault " + rule.kind);
        }
    }

    private Faults add(Rule rule) {
        Objects.requireNonNull(rule.origin, "origin");
        if (rule.remaining < 1) {
            throw new IllegalArgumentException("requests must be at least 1: " + rule.remaining);
        }
        synchronized (rules) {
            rules.add(rule);
        }
        return this;
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
