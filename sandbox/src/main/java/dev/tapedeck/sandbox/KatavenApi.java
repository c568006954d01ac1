package dev.tapedeck.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kataven Hub as its reference ({@code 004}) and seeds/README.md describe it: {@code GET
 * /api/v1/sessions/{id}/recording} (also answered under {@code /v1}, since the docs disagree), with
 * {@code Authorization: Bearer} and, for tokens that are not {@code sk_live_} keys, {@code X-Account-ID}. Error
 * bodies are plain text. A 200 carries a presigned {@code url} and, except for the calls seeded
 * {@link KatavenBehaviour#READY_WITHOUT_EXPIRY}, {@code expires_at}.
 */
final class KatavenApi implements Api {

    private static final String ADMIN_ACCOUNT = "kataven-admin";

    private final SandboxOptions options;
    private final Clock clock;
    private final Instant readyAt;
    private final SeedData data;
    private final MediaLinks links;
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

    KatavenApi(SandboxOptions options, Instant startedAt, SeedData data, MediaLinks links) {
        this.options = options;
        this.clock = options.clock();
        this.readyAt = startedAt.plus(options.katavenReadyAfter());
        this.data = data;
        this.links = links;
    }

    @Override
    public String name() {
        return "kataven";
    }

    int polls(String id) {
        AtomicInteger count = polls.get(id);
        return count == null ? 0 : count.get();
    }

    @Override
    public void handle(Call call) throws IOException {
        if (!authorised(call)) {
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
        call.text(429, "rate_limited: per-minute (60) exceeded");
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
            return token.equals(options.katavenLiveKey()) || refuse(call, 401, "unauthorized: invalid API key");
        }
        Optional<String> account = call.header("X-Account-ID");
        if (account.isEmpty() || account.get().isEmpty()) {
            return refuse(call, 400, "Missing X-Account-ID header");
        }
        if (!SandboxOptions.ACCOUNT_ID.matcher(account.get()).matches()) {
            return refuse(call, 400, "Invalid X-Account-ID header: must match ^[a-z0-9][a-z0-9_-]{0,62}$");
        }
        if (!token.equals(options.katavenToken())) {
            return refuse(call, 401, "unauthorized: invalid token");
        }
        if (account.get().equals(ADMIN_ACCOUNT) || !account.get().equals(options.katavenAccountId())) {
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
        Optional<KatavenCall> found = data.katavenCall(id);
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
                if (poll <= options.katavenReadyAfterPolls()) {
                    call.text(409, "Recording not ready");
                    return;
                }
                break;
            default:
                break;
        }
        Signer.Presigned audio = links.presign(MediaPaths.CALL_MP3);
        ObjectNode body = JsonBodies.object();
        body.put("url", audio.pathAndQuery());
        if (behaviour != KatavenBehaviour.READY_WITHOUT_EXPIRY) {
            body.put("expires_at", audio.expiresAt().toString());
        }
        body.put("content_type", "audio/mpeg");
        call.json(200, body);
    }
}
