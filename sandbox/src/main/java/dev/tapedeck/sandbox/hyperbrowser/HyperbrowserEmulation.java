package dev.tapedeck.sandbox.hyperbrowser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapedeck.sandbox.spi.Call;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.Json;
import dev.tapedeck.sandbox.spi.MediaPaths;
import dev.tapedeck.sandbox.spi.SeededIds;
import dev.tapedeck.sandbox.spi.SeededSessions;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hyperbrowser as the {@code @hyperbrowser/sdk} 0.92.6 types and its API reference describe it: {@code x-api-key};
 * {@code GET /api/sessions?status=&page=&limit=} (newest first, {@code {sessions, totalCount, page, perPage}}; page
 * from 1, limit 1..100, default 10), {@code GET /api/session/{id}/video-recording-url} and {@code /recording-url}
 * ({@code {status, recordingUrl, error}}, status {@code not_enabled}, {@code pending}, {@code in_progress},
 * {@code completed} or {@code failed}) and {@code GET /api/session/{id}/recording} (the rrweb events). Both URLs
 * are presigned on the media host, which refuses them with 403 once expired; the rrweb events are the sandbox's
 * shipped recording, {@link MediaPaths#RRWEB_EVENTS}, which {@code /recording} serves too. Errors are
 * {@code {message, code}}; a 429 carries Retry-After. UNVERIFIED in the documents and chosen here: the page size and
 * its bounds, the signed URLs' lifetime, older sessions whose rrweb
 * recording is completed without a URL.
 *
 * <p>Seeded: 44 sessions. The first 2 are active until start + {@link HyperbrowserEmulator#STOP_AFTER} (both
 * recordings pending), then closed with their video in_progress for {@link HyperbrowserEmulator#PROCESSING}, then
 * completed. Of the others, n%10==7 ended in error, n%13==9 in close-error, the rest closed; n%11==5 recorded nothing,
 * n%3==0 recorded a video, n%7==4 a video that failed, every other only rrweb (served without a URL for n&gt;40).
 */
final class HyperbrowserEmulation implements Emulation {

    private static final Pattern PATH = Pattern.compile(
            "/api/(?:sessions|session/([^/]+)/(video-recording-url|recording-url|recording))");
    private static final List<String> STATUSES = List.of("active", "closed", "error", "close-error");
    private static final String TEAM = "4f6c1e2a-8b3d-4c7e-9a1f-2d5b6c7e8f90";

    /** One seeded session; {@code video} is off, ok or failed, {@code web} whether rrweb was on. */
    private record Seeded(String id, int n, Instant created, Instant stopped, String end, String video, boolean web) {
        String status(Instant now) {
            return now.isBefore(stopped) ? "active" : end;
        }
    }

    private final EmulatorContext context;
    private final String key;
    private final Duration processing;
    private final List<Seeded> sessions = new ArrayList<>();

    HyperbrowserEmulation(EmulatorContext context) {
        this.context = context;
        this.key = context.text(HyperbrowserEmulator.API_KEY, HyperbrowserEmulator.DEFAULT_API_KEY);
        this.processing = context.duration(HyperbrowserEmulator.PROCESSING, HyperbrowserEmulator.DEFAULT_PROCESSING);
        Duration stopAfter = context.duration(HyperbrowserEmulator.STOP_AFTER, HyperbrowserEmulator.DEFAULT_STOP_AFTER);
        if (key.isBlank() || processing.isNegative() || stopAfter.isNegative()) {
            throw new IllegalArgumentException("the sandbox settings hyperbrowser.api_key must not be blank, "
                    + "hyperbrowser.stop_after and hyperbrowser.processing not negative");
        }
        Random random = new Random(context.seed() ^ 0x4B7EL);
        for (int n = 1; n <= 44; n++) {
            boolean active = n <= 2;
            Instant created = active ? context.startedAt().minusSeconds(50L * n)
                    : context.startedAt().minus(Duration.ofHours(5L * n)).plusSeconds(random.nextInt(3000));
            Instant stopped = active ? context.startedAt().plus(stopAfter) : created.plusSeconds(20 + random.nextInt(1500));
            String video = active ? "ok" : n % 11 == 5 ? "off" : n % 3 == 0 ? "ok" : n % 7 == 4 ? "failed" : "off";
            sessions.add(new Seeded(SeededIds.uuid(random), n, created, stopped,
                    n % 10 == 7 ? "error" : n % 13 == 9 ? "close-error" : "closed", video, active || n % 11 != 5));
        }
    }

    @Override
    public ClientSettings clientSettings() {
        return ClientSettings.of(context.mountUrl(), key);
    }

    /** A closed session with its video and rrweb recordings; a closed one that recorded nothing. */
    @Override
    public Optional<SeededSessions> seededSessions() {
        return Optional.of(new SeededSessions(sessions.get(2).id(), sessions.get(4).id()));
    }

    @Override
    public void handle(Call call) throws IOException {
        Matcher path = PATH.matcher(call.path());
        Instant now = context.clock().instant();
        if (!call.header("x-api-key").orElse("").equals(key)) {
            error(call, 401, "Invalid API key", "UNAUTHORIZED");
        } else if (!call.method().equals("GET") || !path.matches()) {
            error(call, 404, "Cannot " + call.method() + " " + call.path(), "NOT_FOUND");
        } else if (path.group(1) == null) {
            list(call, now);
        } else {
            Optional<Seeded> found = find(path.group(1));
            if (found.isEmpty()) {
                error(call, 404, "Session not found", "SESSION_NOT_FOUND");
            } else if (!path.group(2).equals("recording")) {
                call.json(200, recordingUrl(found.get(), path.group(2).startsWith("video"), now));
            } else if (!found.get().web() || now.isBefore(found.get().stopped())) {
                call.json(200, Json.array());
            } else {
                context.serveMedia(call, MediaPaths.RRWEB_EVENTS, "application/json");
            }
        }
    }

    private Optional<Seeded> find(String segment) {
        String id = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private void list(Call call, Instant now) throws IOException {
        Optional<String> status = call.param("status");
        String pageText = call.param("page").orElse("1");
        String limitText = call.param("limit").orElse("10");
        int page = pageText.matches("\\d{1,6}") ? Integer.parseInt(pageText) : 0;
        int limit = limitText.matches("\\d{1,3}") ? Integer.parseInt(limitText) : 0;
        if (status.isPresent() && !STATUSES.contains(status.get()) || page < 1 || limit < 1 || limit > 100) {
            error(call, 400, "status must be one of " + STATUSES + ", page from 1 and limit 1 to 100", "BAD_REQUEST");
            return;
        }
        List<Seeded> selected = sessions.stream().filter(s -> status.map(s.status(now)::equals).orElse(true))
                .toList();
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("sessions");
        selected.stream().skip((long) (page - 1) * limit).limit(limit).forEach(s -> items.add(session(s, now)));
        call.json(200, body.put("totalCount", selected.size()).put("page", page).put("perPage", limit));
    }

    private ObjectNode session(Seeded s, Instant now) {
        boolean active = now.isBefore(s.stopped());
        Instant started = s.created().plusMillis(650);
        ObjectNode item = Json.object().put("id", s.id()).put("teamId", TEAM).put("status", s.status(now))
                .put("startTime", started.toEpochMilli());
        if (!active) {
            item.put("endTime", s.stopped().toEpochMilli());
        }
        item.put("createdAt", s.created().toString()).put("updatedAt", (active ? started : s.stopped()).toString())
                .put("sessionUrl", "https://app.hyperbrowser.ai/features/sessions/" + s.id());
        ObjectNode launch = item.putObject("launchState").put("useStealth", s.n() % 2 == 0)
                .put("useProxy", s.n() % 4 == 0).put("solveCaptchas", s.n() % 5 == 0).put("adblock", true)
                .put("enableWebRecording", s.web()).put("enableVideoWebRecording", !s.video().equals("off"));
        launch.putObject("screen").put("width", s.n() % 3 == 0 ? 1920 : 1280).put("height", s.n() % 3 == 0 ? 1080
                : 720);
        double browser = Math.round(Duration.between(s.created(), active ? now : s.stopped()).toSeconds() / 6.0) / 10.0;
        double proxy = s.n() % 4 == 0 ? 0.4 * (s.n() % 9 + 1) : 0;
        item.put("creditsUsed", active ? null : browser + proxy);
        item.putObject("creditBreakdown").put("creditsUsed", active ? null : browser + proxy)
                .put("browserTimeCreditsUsed", active ? null : browser).put("proxyDataCreditsUsed", active ? null
                        : proxy);
        return item;
    }

    private ObjectNode recordingUrl(Seeded s, boolean video, Instant now) {
        ObjectNode answer = Json.object();
        boolean on = video ? !s.video().equals("off") : s.web();
        if (!on) {
            return answer.put("status", "not_enabled").putNull("recordingUrl").putNull("error");
        } else if (now.isBefore(s.stopped())) {
            return answer.put("status", "pending").putNull("recordingUrl").putNull("error");
        } else if (video && now.isBefore(s.stopped().plus(processing))) {
            return answer.put("status", "in_progress").putNull("recordingUrl").putNull("error");
        } else if (video && s.video().equals("failed")) {
            return answer.put("status", "failed").putNull("recordingUrl").put("error", "Video encoding failed: the "
                    + "recording of the browser's screen ended unexpectedly");
        }
        answer.put("status", "completed");
        if (!video && s.n() > 40) {
            answer.putNull("recordingUrl");
        } else {
            answer.put("recordingUrl", context.presign(video ? MediaPaths.SAMPLE_MP4 : MediaPaths.RRWEB_EVENTS).url());
        }
        return answer.putNull("error");
    }

    @Override
    public void rateLimited(Call call, int retryAfterSeconds) throws IOException {
        call.responseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        error(call, 429, "Rate limit exceeded; retry after " + retryAfterSeconds + " s", "RATE_LIMITED");
    }

    @Override
    public void failure(Call call, int status) throws IOException {
        error(call, status, "The sandbox was told to fail this request", "INTERNAL_ERROR");
    }

    private static void error(Call call, int status, String message, String code) throws IOException {
        call.json(status, Json.object().put("message", message).put("code", code));
    }
}
