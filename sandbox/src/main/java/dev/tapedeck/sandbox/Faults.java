package dev.tapedeck.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Switchable faults, each scoped to the next N requests of one origin (and, through {@link #onPaths}, of the paths
 * matching a pattern) so that tests stay deterministic. Rules stack: a request consumes one unit of every rule of
 * its origin and path that is still pending, in the order they were added. On a request they apply as: latency,
 * then reset, then rate limit, then failure, then a made-up reply; the content type, truncation, mid-body reset
 * and dribbling shape the answer that follows, whoever made it. A stall is a dribble whose pause is longer than
 * the client's read-idle timeout. Waits go through the sandbox's {@link Pauser}, never a wall clock, and dates are
 * read from the sandbox's clock. Thread-safe; every method returns {@code this} for chaining.
 */
public final class Faults {

    private enum Kind { LATENCY, RESET, RATE_LIMIT, FAIL, FAIL_SHARE, REPLY, RETRY_AFTER, CONTENT_TYPE, TRUNCATE,
        RESET_AFTER, DRIBBLE }

    private static final String HTML_PAGE = "<!DOCTYPE html>\n<html><head><title>Sign in to continue</title></head>"
            + "<body><h1>Sign in to continue</h1><p>Your session has ended. Please sign in again.</p></body></html>\n";
    private static final String MALFORMED_JSON = "{\"data\": [{\"id\": \"sess_0001\", \"status\": } oops ]}";
    private static final String EXPIRED_LINK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied"
            + "</Code><Message>Request has expired</Message></Error>\n";

    private static final class Rule {
        final Origin origin;
        final Optional<Pattern> path;
        final Kind kind;
        int remaining;
        final long amount;
        final double share;
        final Duration duration;
        final Optional<FaultPlan.Reply> reply;
        final String text;

        Rule(Origin origin, Optional<Pattern> path, Kind kind, int remaining, long amount, double share,
                Duration duration, Optional<FaultPlan.Reply> reply, String text) {
            this.origin = origin;
            this.path = path;
            this.kind = kind;
            this.remaining = remaining;
            this.amount = amount;
            this.share = share;
            this.duration = duration;
            this.reply = reply;
            this.text = text;
        }
    }

    private final List<Rule> rules;
    private final Random random;
    private final Clock clock;
    private final Optional<Pattern> path;

    Faults(long seed, Clock clock) {
        this(new ArrayList<>(), new Random(seed ^ 0x5EEDFA17L), clock, Optional.empty());
    }

    private Faults(List<Rule> rules, Random random, Clock clock, Optional<Pattern> path) {
        this.rules = rules;
        this.random = random;
        this.clock = clock;
        this.path = path;
    }

    /**
     * The same faults, but the rules added through the returned view apply only to requests whose raw path (for
     * the API server with the provider's prefix, e.g. {@code /anchor/v1/sessions}; for the media host e.g.
     * {@code /assets/hls/segment1.ts}) contains a match of {@code regex}. Requests on other paths neither see nor
     * consume them. {@link #clear()} and {@link #pending} on a view still cover every rule.
     */
    public Faults onPaths(String regex) {
        return new Faults(rules, random, clock, Optional.of(Pattern.compile(Objects.requireNonNull(regex, "regex"))));
    }

    /**
     * The next {@code requests} API requests answer 429 in their provider's style: AnchorBrowser and Kataven with
     * {@code Retry-After: retryAfterSeconds}, Notte with {@code X-RateLimit-Limit/Remaining/Reset} (reset = now +
     * retryAfterSeconds, unix seconds) and no Retry-After.
     */
    public Faults rateLimitNext(int requests, int retryAfterSeconds) {
        requireNonNegative("retryAfterSeconds", retryAfterSeconds);
        return add(rule(Origin.API, Kind.RATE_LIMIT, requests, retryAfterSeconds, Duration.ZERO));
    }

    /**
     * The next {@code requests} requests to {@code origin} answer {@code status} (429 or 503, say) with a plain
     * {@code Retry-After}, whatever the service's own style: {@code wait} in whole seconds, or, when
     * {@code asHttpDate}, as the HTTP date that far from the sandbox clock's now at the time of the answer.
     */
    public Faults retryAfterNext(Origin origin, int requests, int status, Duration wait, boolean asHttpDate) {
        requireStatus(status);
        Objects.requireNonNull(wait, "wait");
        requireNonNegative("wait", wait.toSeconds());
        return add(new Rule(origin, path, Kind.RETRY_AFTER, requests, status, 0, wait, Optional.empty(),
                asHttpDate ? "date" : "seconds"));
    }

    /** The next {@code requests} requests to {@code origin} wait {@code latency} (via the {@link Pauser}) first. */
    public Faults latencyNext(Origin origin, int requests, Duration latency) {
        Objects.requireNonNull(latency, "latency");
        return add(rule(origin, Kind.LATENCY, requests, 0, latency));
    }

    /**
     * The next {@code requests} requests to {@code origin} answer {@code status} (e.g. 500, 503, 529) in the
     * service's own error style: a burst of failures, after which the service answers as usual.
     */
    public Faults failNext(Origin origin, int requests, int status) {
        requireStatus(status);
        return add(rule(origin, Kind.FAIL, requests, status, Duration.ZERO));
    }

    /**
     * Each of the next {@code requests} requests to {@code origin} fails with probability {@code share}, as a 500
     * or a 503; the draws come from the sandbox seed, so a given order of requests always fails the same way.
     */
    public Faults failShareOfNext(Origin origin, int requests, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1]: " + share);
        }
        return add(new Rule(origin, path, Kind.FAIL_SHARE, requests, 0, share, Duration.ZERO, Optional.empty(), ""));
    }

    /** The next {@code requests} requests to {@code origin} answer 200 with an HTML page (a sign-in page, say). */
    public Faults htmlPageNext(Origin origin, int requests) {
        return reply(origin, requests, new FaultPlan.Reply(200, "text/html; charset=utf-8",
                HTML_PAGE.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    /** The next {@code requests} requests to {@code origin} answer 200 with whole but malformed JSON. */
    public Faults malformedJsonNext(Origin origin, int requests) {
        return reply(origin, requests, new FaultPlan.Reply(200, "application/json",
                MALFORMED_JSON.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    /**
     * The next {@code requests} media requests answer 403 "Request has expired", as S3 does for a presigned URL past
     * its expiry, whatever the signature says.
     */
    public Faults expireLinksNext(int requests) {
        return reply(Origin.MEDIA, requests, new FaultPlan.Reply(403, "application/xml",
                EXPIRED_LINK.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    /** The next {@code requests} answers from {@code origin} carry {@code contentType} instead of their own. */
    public Faults contentTypeNext(Origin origin, int requests, String contentType) {
        Objects.requireNonNull(contentType, "contentType");
        return add(new Rule(origin, path, Kind.CONTENT_TYPE, requests, 0, 0, Duration.ZERO, Optional.empty(),
                contentType));
    }

    /** The next {@code requests} requests to {@code origin} get their connection closed without any response. */
    public Faults resetNext(Origin origin, int requests) {
        return add(rule(origin, Kind.RESET, requests, 0, Duration.ZERO));
    }

    /**
     * The next {@code requests} responses from {@code origin} declare their full Content-Length but send only the
     * first {@code bytesSent} bytes of the body, then close the connection cleanly: a client sees the body end early,
     * without an error.
     */
    public Faults truncateNext(Origin origin, int requests, long bytesSent) {
        requireNonNegative("bytesSent", bytesSent);
        return add(rule(origin, Kind.TRUNCATE, requests, bytesSent, Duration.ZERO));
    }

    /**
     * The next {@code requests} responses from {@code origin} send their status and headers, then the first
     * {@code bytesSent} bytes of the body, then drop the connection so that the client's read fails with an I/O
     * error, as after a reset. (The JDK server cannot send a TCP reset: the body goes chunked, without a length, and
     * the connection ends in the middle of the chunks, which every HTTP/1.1 client reports as an error.)
     */
    public Faults resetAfterNext(Origin origin, int requests, long bytesSent) {
        requireNonNegative("bytesSent", bytesSent);
        return add(rule(origin, Kind.RESET_AFTER, requests, bytesSent, Duration.ZERO));
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
        return add(rule(origin, Kind.DRIBBLE, requests, chunkBytes, pause));
    }

    /** Drops every pending rule, of every path. */
    public Faults clear() {
        synchronized (rules) {
            rules.clear();
        }
        return this;
    }

    /** How many request-units of rules for {@code origin} are still pending, on any path. */
    public int pending(Origin origin) {
        synchronized (rules) {
            return rules.stream().filter(r -> r.origin == origin).mapToInt(r -> r.remaining).sum();
        }
    }

    FaultPlan next(Origin origin, String rawPath) {
        FaultPlan plan = FaultPlan.NONE;
        synchronized (rules) {
            for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
                Rule rule = it.next();
                if (rule.origin != origin || rule.path.isPresent() && !rule.path.get().matcher(rawPath).find()) {
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
            case REPLY:
                return plan.withReply(rule.reply.orElseThrow());
            case RETRY_AFTER:
                return plan.withReply(retryAfter((int) rule.amount, rule.duration, rule.text.equals("date")));
            case CONTENT_TYPE:
                return plan.withContentType(rule.text);
            case TRUNCATE:
                return plan.withTruncation(rule.amount);
            case RESET_AFTER:
                return plan.withResetAfter(rule.amount);
            case DRIBBLE:
                return plan.withDribble((int) rule.amount, rule.duration);
            default:
                throw new IllegalStateException("unknown fault " + rule.kind);
        }
    }

    private FaultPlan.Reply retryAfter(int status, Duration wait, boolean asHttpDate) {
        String value = asHttpDate
                ? DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plus(wait).atOffset(ZoneOffset.UTC))
                : Long.toString(wait.toSeconds());
        String body = "{\"error\":{\"code\":" + status + ",\"message\":\"Too many requests, retry later\"}}";
        return new FaultPlan.Reply(status, "application/json", body.getBytes(StandardCharsets.UTF_8),
                Map.of("Retry-After", value));
    }

    private Faults reply(Origin origin, int requests, FaultPlan.Reply reply) {
        return add(new Rule(origin, path, Kind.REPLY, requests, 0, 0, Duration.ZERO, Optional.of(reply), ""));
    }

    private Rule rule(Origin origin, Kind kind, int requests, long amount, Duration duration) {
        return new Rule(origin, path, kind, requests, amount, 0, duration, Optional.empty(), "");
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

    private static void requireStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
