package dev.tapedeck.sandbox.kataven;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapedeck.sandbox.spi.MediaPaths;
import dev.tapedeck.sandbox.spi.Call;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.Json;
import dev.tapedeck.sandbox.spi.PresignedLink;
import dev.tapedeck.sandbox.spi.SeededSessions;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Kataven Hub as its reference ({@code 004}) and seeds/README.md describe it: {@code GET
 * /api/v1/sessions/{id}/recording} (also answered under {@code /v1}, since the docs disagree), with
 * {@code Authorization: Bearer} and, for tokens that are not {@code sk_live_} keys, {@code X-Account-ID}. Error
 * bodies are plain text. A 200 carries a presigned {@code url} and, except for the calls seeded
 * {@link KatavenBehaviour#READY_WITHOUT_EXPIRY}, {@code expires_at}. Like Kataven, it answers at most the setting
 * {@link KatavenEmulator#REQUESTS_PER_MINUTE} authorised requests in any minute of the sandbox's clock, and beyond
 * that 429 with {@code Retry-After} (whole seconds until a request leaves the minute) and a text body.
 */
public final class KatavenApi implements Emulation {

    private static final String ADMIN_ACCOUNT = "kataven-admin";
    private static final Pattern ACCOUNT_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,62}$");

    private final EmulatorContext context;
    private final String token;
    private final String liveKey;
    private final String accountId;
    private final int readyAfterPolls;
    private final Clock clock;
    private final Instant readyAt;
    private final int requestsPerMinute;
    private final KatavenSeed data;
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    /** When the requests of the last minute were answered, oldest first; guarded by itself. */
    private final ArrayDeque<Instant> lastMinute = new ArrayDeque<>();
    private final AtomicInteger rateLimited = new AtomicInteger();

    KatavenApi(EmulatorContext context) {
        this.context = context;
        this.token = context.text(KatavenEmulator.TOKEN, KatavenEmulator.DEFAULT_TOKEN);
        this.accountId = context.text(KatavenEmulator.ACCOUNT_ID, KatavenEmulator.DEFAULT_ACCOUNT_ID);
        this.liveKey = context.text(KatavenEmulator.LIVE_KEY, "sk_live_" + accountId + "_0123456789abcdef");
        long polls = context.number(KatavenEmulator.READY_AFTER_POLLS, KatavenEmulator.DEFAULT_READY_AFTER_POLLS);
        Duration readyAfter = context.duration(KatavenEmulator.READY_AFTER, KatavenEmulator.DEFAULT_READY_AFTER);
        long perMinute = context.number(KatavenEmulator.REQUESTS_PER_MINUTE,
                KatavenEmulator.DEFAULT_REQUESTS_PER_MINUTE);
        long calls = context.number(KatavenEmulator.CALLS, KatavenSeed.CALLS);
        if (perMinute < 0 || perMinute > 1_000_000 || calls < 0 || calls > 100_000) {
            throw new IllegalArgumentException("the sandbox setting kataven.requests_per_minute must be 0 to 1000000"
                    + " and kataven.calls 0 to 100000");
        }
        this.requestsPerMinute = (int) perMinute;
        this.data = new KatavenSeed((int) calls);
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("the sandbox setting kataven.account_id must match "
                    + ACCOUNT_ID.pattern());
        }
        if (token.isBlank() || token.startsWith("sk_live_")) {
            throw new IllegalArgumentException("the sandbox setting kataven.token must not be blank or start with"
                    + " sk_live_ (set kataven.live_key for that)");
        }
        if (!liveKey.startsWith("sk_live_" + accountId + "_")) {
            throw new IllegalArgumentException("the sandbox setting kataven.live_key must start with sk_live_"
                    + accountId + "_");
        }
        if (polls < 0 || polls > Integer.MAX_VALUE || readyAfter.isNegative()) {
            throw new IllegalArgumentException("the sandbox settings kataven.ready_after_polls and"
                    + " kataven.ready_after must not be negative");
        }
        this.readyAfterPolls = (int) polls;
        this.clock = context.clock();
        this.readyAt = context.startedAt().plus(readyAfter);
    }

    /** The seeded calls. */
    public KatavenSeed seed() {
        return data;
    }

    /** Seeded for the provider kit: a call whose recording is ready from the start; one without a recording (404). */
    @Override
    public Optional<SeededSessions> seededSessions() {
        return Optional.of(new SeededSessions(data.call(KatavenBehaviour.READY).id(),
                data.call(KatavenBehaviour.NO_RECORDING).id()));
    }

    /**
     * Every seeded call but the two that always fail (playback not configured, internal error): ready, still
     * uploading, or with no recording, as a team's calls would be.
     */
    @Override
    public List<String> seededSessionIds() {
        Set<KatavenBehaviour> failing = EnumSet.of(KatavenBehaviour.NOT_CONFIGURED, KatavenBehaviour.INTERNAL_ERROR);
        return data.calls().stream().filter(call -> !failing.contains(call.behaviour())).map(KatavenCall::id)
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * The base URL with Kataven's {@code /api/v1} (the provider adds no prefix to a base URL that ends in it), the
     * JWT-like token that needs {@code X-Account-ID}, and the setting {@code account_id}.
     */
    @Override
    public ClientSettings clientSettings() {
        return new ClientSettings(URI.create(context.mountUrl() + "/api/v1"), token,
                Map.of("account_id", accountId));
    }

    /** The long-lived key ({@code sk_live_<account>_...}), valid without X-Account-ID. */
    public String liveKey() {
        return liveKey;
    }

    /** How many requests were refused with 429 for going over {@link KatavenEmulator#REQUESTS_PER_MINUTE}. */
    public int rateLimitedAnswers() {
        return rateLimited.get();
    }

    /** How many authorised recording requests call {@code id} has received. */
    public int polls(String id) {
        AtomicInteger count = polls.get(id);
        return count == null ? 0 : count.get();
    }

    @Override
    public void handle(Call call) throws IOException {
        if (!authorised(call)) {
            return;
        }
        Optional<Duration> overLimit = overLimit();
        if (overLimit.isPresent()) {
            rateLimited.incrementAndGet();
            rateLimited(call, (int) Math.max(1, (overLimit.get().toMillis() + 999) / 1000));
            return;
        }
        String path = call.path();
        String below = path.startsWith("/api/v1/") ? path.substring(7) : path.startsWith("/v1/") ? path.substring(3)
                : null;
        String[] parts = below == null ? new String[0] : below.substring(1).split("/");
        if (parts.length != 3 || !parts[0].equals("sessions") || !parts[2].equals("recording")) {
            call.text(404, "not found: " + path);
            return;
        }
        if (!call.method().equals("GET")) {
            call.responseHeaders().set("Allow", "GET");
            call.text(405, "method not allowed");
            return;
        }
        recording(call, parts[1]);
    }

    @Override
    public void rateLimited(Call call, int retryAfterSeconds) throws IOException {
        call.responseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        call.text(429, "rate_limited: per-minute (" + requestsPerMinute + ") exceeded");
    }

    /**
     * Counts this request in the last minute and returns empty, or, when the minute is full, how long until its
     * oldest request leaves it (this one is then not counted).
     */
    private Optional<Duration> overLimit() {
        if (requestsPerMinute == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (lastMinute) {
            while (!lastMinute.isEmpty() && !lastMinute.peekFirst().isAfter(now.minus(Duration.ofMinutes(1)))) {
                lastMinute.removeFirst();
            }
            if (lastMinute.size() >= requestsPerMinute) {
                return Optional.of(Duration.between(now, lastMinute.peekFirst().plus(Duration.ofMinutes(1))));
            }
            lastMinute.addLast(now);
            return Optional.empty();
        }
    }

    @Override
    public void failure(Call call, int status) throws IOException {
        call.text(status, status == 503 ? "Service unavailable" : "Internal error");
    }

    /** Whether the credentials are good; when they are not, the refusal has been sent. */
    private boolean authorised(Call call) throws IOException {
        String authorization = call.header("Authorization").orElse("");
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
            return refuse(call, 401, "unauthorized: missing bearer token");
        }
        String token = authorization.substring(7).trim();
        if (token.startsWith("sk_live_")) {
            return token.equals(liveKey) || refuse(call, 401, "unauthorized: invalid API key");
        }
        Optional<String> account = call.header("X-Account-ID");
        if (account.isEmpty() || account.get().isEmpty()) {
            return refuse(call, 400, "Missing X-Account-ID header");
        }
        if (!ACCOUNT_ID.matcher(account.get()).matches()) {
            return refuse(call, 400, "Invalid X-Account-ID header: must match ^[a-z0-9][a-z0-9_-]{0,62}$");
        }
        if (!token.equals(this.token)) {
            return refuse(call, 401, "unauthorized: invalid token");
        }
        if (account.get().equals(ADMIN_ACCOUNT) || !account.get().equals(accountId)) {
            return refuse(call, 403, "forbidden: no access to account " + account.get());
        }
        return true;
    }

    /** Sends a plain-text refusal; always false, so that it reads as the value of the check. */
    private static boolean refuse(Call call, int status, String message) throws IOException {
        call.text(status, message);
        return false;
    }

    private void recording(Call call, String id) throws IOException {
        Optional<KatavenCall> found = data.call(id);
        if (found.isEmpty()) {
            call.text(404, "No recording for this session");
            return;
        }
        int poll = polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        KatavenBehaviour behaviour = found.get().behaviour();
        switch (behaviour) {
            case NO_RECORDING:
                call.text(404, "No recording for this session");
                return;
            case NOT_CONFIGURED:
                call.text(503, "Recording playback not configured");
                return;
            case INTERNAL_ERROR:
                call.text(500, "Internal error");
                return;
            case PROCESSING_UNTIL_TIME:
                if (clock.instant().isBefore(readyAt)) {
                    call.text(409, "Recording not ready");
                    return;
                }
                break;
            case PROCESSING_UNTIL_POLLS:
                if (poll <= readyAfterPolls) {
                    call.text(409, "Recording not ready");
                    return;
                }
                break;
            default:
                break;
        }
        PresignedLink audio = context.presign(MediaPaths.CALL_MP3);
        ObjectNode body = Json.object();
        body.put("url", audio.url());
        if (behaviour != KatavenBehaviour.READY_WITHOUT_EXPIRY) {
            body.put("expires_at", audio.expiresAt().toString());
        }
        body.put("content_type", "audio/mpeg");
        call.json(200, body);
    }
}
