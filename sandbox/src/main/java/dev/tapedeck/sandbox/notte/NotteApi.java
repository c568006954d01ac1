package dev.tapedeck.sandbox.notte;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Notte as its document ({@code 003}) and seeds/README.md describe it: {@code Authorization: Bearer};
 * {@code GET /sessions} ({@code page}, {@code page_size} 1..100, {@code only_active} defaulting to true; newest
 * first), {@code GET /sessions/{id}}, and {@code GET /sessions/{id}/replay}, which answers 404 "still active" until
 * the session closes by the sandbox clock. With the setting {@link NotteEmulator#RELATIVE_SEGMENTS}, an HLS-only
 * replay without expiry names its segments relative to the replay's URL ({@code replay/segment0.ts}), served under
 * {@code /sessions/{id}/replay/} without a key. Errors are {@code {"message","detail"}}, 422 carries a {@code detail}
 * list, and a 429 carries {@code X-RateLimit-*} headers but no Retry-After.
 */
public final class NotteApi implements Emulation {

    private static final DateTimeFormatter WITH_OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WITHOUT_OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final int RATE_LIMIT = 60;
    /** How the relative segment URIs of an HLS-only replay without expiry start. */
    private static final String RELATIVE_SEGMENTS = "replay/";

    private final EmulatorContext context;
    private final String bearer;
    private final Clock clock;
    private final NotteSeed data;
    private final boolean relativeSegments;

    NotteApi(EmulatorContext context) {
        this.context = context;
        String key = context.text(NotteEmulator.API_KEY, NotteEmulator.DEFAULT_API_KEY);
        if (key.isBlank()) {
            throw new IllegalArgumentException("the sandbox setting notte.api_key must not be blank");
        }
        Duration closeAfter = context.duration(NotteEmulator.CLOSE_AFTER, NotteEmulator.DEFAULT_CLOSE_AFTER);
        if (closeAfter.isNegative()) {
            throw new IllegalArgumentException("the sandbox setting notte.close_after must not be negative");
        }
        Duration finaliseAfter = context.duration(NotteEmulator.FINALISE_AFTER,
                NotteEmulator.DEFAULT_FINALISE_AFTER);
        if (finaliseAfter.isNegative()) {
            throw new IllegalArgumentException("the sandbox setting notte.finalise_after must not be negative");
        }
        this.relativeSegments = Boolean.parseBoolean(context.text(NotteEmulator.RELATIVE_SEGMENTS, "false").strip());
        this.bearer = "Bearer " + key;
        this.clock = context.clock();
        this.data = NotteSeed.generate(context.seed(), context.startedAt(), closeAfter, finaliseAfter);
    }

    /** The seeded sessions. */
    public NotteSeed seed() {
        return data;
    }

    /** Seeded for the provider kit: a closed session whose replay has an MP4 and a playlist; one that ended in error without a replay. */
    @Override
    public Optional<SeededSessions> seededSessions() {
        return Optional.of(new SeededSessions(data.closedWithMp4().id(), data.withoutReplay().id()));
    }

    /** The mount URL (paths start with {@code /sessions}) and the valid bearer key. */
    @Override
    public ClientSettings clientSettings() {
        return ClientSettings.of(context.mountUrl(), bearer.substring(7));
    }

    @Override
    public void handle(Call call) throws IOException {
        if (relativeSegment(call)) {
            return;
        }
        if (!call.header("Authorization").map(this::validBearer).orElse(false)) {
            call.json(401, error("Invalid or missing API key",
                    "Send Authorization: Bearer <NOTTE_API_KEY>"));
            return;
        }
        if (!call.method().equals("GET")) {
            call.json(405, error("Method Not Allowed", "Only GET is emulated on " + call.path()));
            return;
        }
        String[] parts = call.path().substring(1).split("/");
        if (parts.length == 1 && parts[0].equals("sessions")) {
            list(call);
        } else if (parts.length >= 2 && parts[0].equals("sessions")) {
            Optional<NotteSession> session = data.session(parts[1]);
            if (session.isEmpty() || parts.length > 3 || (parts.length == 3 && !parts[2].equals("replay"))) {
                call.json(404, error("Session " + parts[1] + " not found",
                        "No session with this id exists for this API key"));
            } else if (parts.length == 2) {
                call.json(200, session(session.get(), clock.instant()));
            } else {
                replay(call, session.get());
            }
        } else {
            call.json(404, error("Not Found", "No route for " + call.path()));
        }
    }

    @Override
    public void rateLimited(Call call, int retryAfterSeconds) throws IOException {
        var headers = call.responseHeaders();
        headers.set("X-RateLimit-Limit", Integer.toString(RATE_LIMIT));
        headers.set("X-RateLimit-Remaining", "0");
        headers.set("X-RateLimit-Reset", Long.toString(clock.instant().getEpochSecond() + retryAfterSeconds));
        call.json(429, error("Rate limit exceeded",
                "Too many requests: wait until X-RateLimit-Reset before retrying"));
    }

    @Override
    public void failure(Call call, int status) throws IOException {
        String message = status == 529 ? "Cluster overloaded - too many sessions"
                : status == 503 ? "Service unavailable" : "Internal server error";
        call.json(status, error(message, "The sandbox was told to fail this request"));
    }

    private boolean validBearer(String header) {
        return header.length() == bearer.length() && header.regionMatches(true, 0, bearer, 0, 7)
                && header.substring(7).equals(bearer.substring(7));
    }

    private void list(Call call) throws IOException {
        Map<String, String> q = call.query();
        ArrayNode violations = Json.array();
        int page = integer(q, "page", 1, 1, Integer.MAX_VALUE, violations);
        int pageSize = integer(q, "page_size", 10, 1, 100, violations);
        boolean onlyActive = bool(q, "only_active", true, violations);
        bool(q, "only_current_token", false, violations);
        bool(q, "include_system", false, violations);
        if (!violations.isEmpty()) {
            ObjectNode body = Json.object();
            body.set("detail", violations);
            call.json(422, body);
            return;
        }
        Instant now = clock.instant();
        List<NotteSession> matching = data.sessions().stream()
                .filter(s -> !onlyActive || s.activeAt(now))
                .sorted(Comparator.comparing(NotteSession::createdAt).reversed().thenComparing(NotteSession::id))
                .collect(Collectors.toList());
        ArrayNode items = Json.array();
        matching.stream().skip((long) (page - 1) * pageSize).limit(pageSize)
                .map(s -> session(s, now)).forEach(items::add);
        ObjectNode body = Json.object();
        body.set("items", items);
        body.put("page", page).put("page_size", pageSize)
                .put("has_next", (long) page * pageSize < matching.size()).put("has_previous", page > 1);
        call.json(200, body);
    }

    private ObjectNode session(NotteSession s, Instant now) {
        boolean active = s.activeAt(now);
        ObjectNode item = Json.object();
        item.put("session_id", s.id());
        item.put("idle_timeout_minutes", 3);
        item.put("max_duration_minutes", 15);
        item.put("created_at", time(s, s.createdAt()));
        item.put("closed_at", active ? null : time(s, s.closesAt()));
        item.put("last_accessed_at", time(s, active ? now : s.closesAt()));
        item.put("duration", s.durationAt(now).map(Object::toString).orElse(null));
        item.put("status", s.statusAt(now));
        item.put("browser_type", "chromium");
        return item;
    }

    private static String time(NotteSession s, Instant instant) {
        return (s.offsetOnWire() ? WITH_OFFSET : WITHOUT_OFFSET).format(instant);
    }

    private void replay(Call call, NotteSession s) throws IOException {
        Instant now = clock.instant();
        if (s.activeAt(now)) {
            call.json(404, error("Session " + s.id() + " is still active: the replay exists once it"
                    + " is closed", "Stop the session or wait until it closes, then retry"));
            return;
        }
        if (s.finalisingAt(now)) {
            call.json(404, error("Replay not found for session " + s.id(), "No replay is stored for this session"));
            return;
        }
        if (s.replay() == NotteReplay.NONE) {
            call.json(404, error("Replay not found for session " + s.id(),
                    "The session ended with status " + s.endStatus() + " before anything was recorded"));
            return;
        }
        boolean mp4 = s.replay() == NotteReplay.MP4_AND_HLS || s.replay() == NotteReplay.MP4_ONLY;
        boolean hls = s.replay() != NotteReplay.MP4_ONLY;
        PresignedLink video = context.presign(MediaPaths.SAMPLE_MP4);
        ObjectNode body = Json.object();
        body.put("playlist_content", !hls ? null
                : relative(s) ? relativePlaylist() : context.hlsPlaylist());
        body.put("mp4_url", mp4 ? video.url() : null);
        body.put("expires_at", s.replay() == NotteReplay.HLS_ONLY_WITHOUT_EXPIRY ? null
                : WITH_OFFSET.format(video.expiresAt()));
        body.put("video_start_ms", 1_000);
        body.put("video_duration_ms", 3_000);
        call.json(200, body);
    }

    /** Whether {@code s}'s replay names its segments relative to it ({@link NotteEmulator#RELATIVE_SEGMENTS}). */
    private boolean relative(NotteSession s) {
        return relativeSegments && s.replay() == NotteReplay.HLS_ONLY_WITHOUT_EXPIRY;
    }

    /**
     * The shipped playlist with each segment as a URI relative to the replay's own URL, {@code replay/segment0.ts},
     * which resolves to {@code /sessions/{id}/replay/segment0.ts} (see {@link #relativeSegment}).
     */
    private String relativePlaylist() {
        StringBuilder out = new StringBuilder();
        for (String line : context.hlsPlaylist().split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                out.append(line);
            } else {
                String path = java.net.URI.create(line.strip()).getPath();
                out.append(RELATIVE_SEGMENTS).append(path.substring(path.lastIndexOf('/') + 1));
            }
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /**
     * Serves {@code GET /sessions/{id}/replay/<segment>}, a segment of a replay whose playlist names its segments
     * relative to the replay, without a key (like the presigned ones); true when it answered.
     */
    private boolean relativeSegment(Call call) throws IOException {
        String[] parts = call.path().substring(1).split("/");
        if (!call.method().equals("GET") || parts.length != 4 || !parts[0].equals("sessions")
                || !(parts[2] + "/").equals(RELATIVE_SEGMENTS)
                || data.session(parts[1]).filter(this::relative).isEmpty()) {
            return false;
        }
        if (!context.serveMedia(call, MediaPaths.HLS_FOLDER + parts[3], "video/mp2t")) {
            call.json(404, error("Not Found", "No segment " + parts[3] + " in this replay"));
        }
        return true;
    }

    /** Notte's error body: {@code {"message":..,"detail":..}}. */
    private static ObjectNode error(String message, String detail) {
        return Json.object().put("message", message).put("detail", detail);
    }

    /** One entry of Notte's 422 {@code HTTPValidationError.detail} list. */
    private static ObjectNode violation(String where, String name, String message, String type, String input) {
        ObjectNode violation = Json.object();
        violation.putArray("loc").add(where).add(name);
        violation.put("msg", message).put("type", type).put("input", input);
        return violation;
    }

    private static int integer(Map<String, String> q, String name, int fallback, int min, int max,
                               ArrayNode violations) {
        String raw = q.get(name);
        if (raw == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            violations.add(violation("query", name,
                    "Input should be a valid integer, unable to parse string as an integer", "int_parsing", raw));
            return fallback;
        }
        if (value < min) {
            violations.add(violation("query", name, "Input should be greater than or equal to " + min,
                    "greater_than_equal", raw));
        } else if (value > max) {
            violations.add(violation("query", name, "Input should be less than or equal to " + max,
                    "less_than_equal", raw));
        }
        return value;
    }

    private static boolean bool(Map<String, String> q, String name, boolean fallback, ArrayNode violations) {
        String raw = q.get(name);
        if (raw == null) {
            return fallback;
        }
        switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true": case "1": case "yes": case "on":
                return true;
            case "false": case "0": case "no": case "off":
                return false;
            default:
                violations.add(violation("query", name,
                        "Input should be a valid boolean, unable to interpret input", "bool_parsing", raw));
                return fallback;
        }
    }
}
