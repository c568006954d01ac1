package dev.tapedeck.sandbox.steel;

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
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steel as the {@code steel-sdk} 0.18 types and its past-sessions guide describe it: {@code steel-api-key};
 * {@code GET /v1/sessions?status=&cursorId=&limit=} (newest first, {@code {sessions, nextCursor, totalCount}}; without
 * a status only live sessions, as Steel documents; the cursor is the last session's id; limit 1..100, default 50),
 * {@code GET /v1/sessions/{id}}, {@code GET /v1/sessions/{id}/hls} (a headful session's playlist, its segments
 * presigned on the media host, or with {@link SteelEmulator#RELATIVE_SEGMENTS} relative, {@code hls/segment0.ts}, and
 * served here with the key; while the session is live, the playlist so far, without {@code #EXT-X-ENDLIST}) and
 * {@code GET /v1/sessions/{id}/events?limit=&pointer=} (rrweb events of a legacy headless session, 100 a page by
 * default, the next page's pointer in the {@code Next-Cursor} header). Errors are {@code {message, error}}; a 429
 * carries Retry-After. UNVERIFIED in the documents and chosen here: the segments' key and form, the events' page
 * size, the 404 of a session without HLS, and the playlist of a live session.
 *
 * <p>Seeded: 40 sessions. The first 4 are live until start + {@link SteelEmulator#RELEASE_AFTER}, then released with
 * an HLS recording. Of the others, n%10==7 failed, the rest were released; n%9==5 was headless and recorded no events,
 * n&gt;30 are legacy headless sessions with 150 rrweb events, every other is headful with an HLS recording.
 */
final class SteelEmulation implements Emulation {

    private static final Pattern PATH = Pattern.compile("/v1/sessions(?:/([^/]+)(/hls(?:/([^/]+))?|/events)?)?");
    private static final List<String> STATUSES = List.of("live", "released", "failed");
    private static final String[] REGIONS = {"iad", "lax", "ord", "fra", "scl", "nrt"};
    private static final int EVENTS = 150;

    /** One seeded session: {@code events} above 0 is a legacy headless one, 0 with {@code headless} recorded nothing. */
    private record Seeded(String id, int n, Instant created, Instant released, String endStatus, boolean headless,
            int events) {
        String status(Instant now) {
            return now.isBefore(released) ? "live" : endStatus;
        }
    }

    private final EmulatorContext context;
    private final String key;
    private final List<Seeded> sessions = new ArrayList<>();
    private final boolean relativeSegments;

    SteelEmulation(EmulatorContext context) {
        this.context = context;
        this.relativeSegments = Boolean.parseBoolean(context.text(SteelEmulator.RELATIVE_SEGMENTS, "false").strip());
        this.key = context.text(SteelEmulator.API_KEY, SteelEmulator.DEFAULT_API_KEY);
        if (key.isBlank()) {
            throw new IllegalArgumentException("the sandbox setting steel.api_key must not be blank");
        }
        Instant releaseAt = context.startedAt().plus(context.duration(SteelEmulator.RELEASE_AFTER,
                SteelEmulator.DEFAULT_RELEASE_AFTER));
        Random random = new Random(context.seed() ^ 0x57EE1L);
        for (int n = 1; n <= 40; n++) {
            String id = SeededIds.uuid(random);
            boolean live = n <= 4 && releaseAt.isAfter(context.startedAt());
            Instant created = live ? context.startedAt().minusSeconds(75L * n)
                    : context.startedAt().minus(Duration.ofHours(6L * n)).plusSeconds(random.nextInt(3600));
            Instant released = live ? releaseAt : created.plusSeconds(30 + random.nextInt(900));
            boolean headless = !live && (n % 9 == 5 || n > 30);
            sessions.add(new Seeded(id, n, created, released, n % 10 == 7 ? "failed" : "released", headless,
                    headless && n % 9 != 5 ? EVENTS : 0));
        }
    }

    @Override
    public ClientSettings clientSettings() {
        return ClientSettings.of(context.mountUrl(), key);
    }

    /** A released headful session with its HLS recording; a headless one that recorded nothing. */
    @Override
    public Optional<SeededSessions> seededSessions() {
        return Optional.of(new SeededSessions(sessions.get(5).id(), sessions.get(4).id()));
    }

    @Override
    public void handle(Call call) throws IOException {
        if (!call.header("steel-api-key").orElse("").equals(key)) {
            error(call, 401, "Invalid or missing API key: send it as steel-api-key");
            return;
        }
        Matcher path = PATH.matcher(call.path());
        boolean routed = call.method().equals("GET") && path.matches();
        Optional<Seeded> session = routed && path.group(1) != null ? find(path.group(1)) : Optional.empty();
        String part = routed && path.group(2) != null ? path.group(2) : "";
        Instant now = context.clock().instant();
        if (!routed) {
            error(call, 404, "Route " + call.method() + " " + call.path() + " not found");
        } else if (path.group(1) == null) {
            list(call, now);
        } else if (session.isEmpty()) {
            error(call, 404, "Session not found");
        } else if (part.isEmpty()) {
            call.json(200, session(session.get(), now));
        } else if (part.equals("/events")) {
            events(call, session.get());
        } else {
            hls(call, session.get(), path.group(3), now);
        }
    }

    /** The seeded session of a path segment as sent (percent-encoded). */
    private Optional<Seeded> find(String segment) {
        String id = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private void list(Call call, Instant now) throws IOException {
        Optional<String> status = call.param("status");
        String limitText = call.param("limit").orElse("50");
        int limit = limitText.matches("\\d{1,3}") ? Integer.parseInt(limitText) : -1;
        if (status.isPresent() && !STATUSES.contains(status.get()) || limit < 1 || limit > 100) {
            error(call, 400, "status must be one of " + STATUSES + " and limit 1 to 100");
            return;
        }
        List<Seeded> selected = sessions.stream().filter(s -> s.status(now).equals(status.orElse("live"))).toList();
        int from = call.param("cursorId").map(cursor -> selected.stream().map(Seeded::id).toList().indexOf(cursor) + 1)
                .orElse(0);
        List<Seeded> page = selected.subList(Math.min(from, selected.size()), Math.min(from + limit, selected.size()));
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("sessions");
        page.forEach(s -> items.add(session(s, now)));
        body.put("nextCursor", from + limit < selected.size() ? page.get(page.size() - 1).id() : null);
        if (status.isPresent()) {
            body.put("totalCount", selected.size());
        }
        call.json(200, body);
    }

    private ObjectNode session(Seeded s, Instant now) {
        boolean live = now.isBefore(s.released());
        String api = "https://api.steel.dev/v1/sessions/" + s.id();
        ObjectNode item = Json.object().put("id", s.id()).put("createdAt", s.created().toString())
                .put("creditsUsed", 1 + (live ? 0 : Duration.between(s.created(), s.released()).toMinutes()))
                .put("debugUrl", api + "/player");
        item.putObject("dimensions").put("width", s.n() % 3 == 0 ? 1920 : 1280).put("height",
                s.n() % 3 == 0 ? 1080 : 768);
        item.put("duration", Duration.between(s.created(), live ? now : s.released()).toMillis())
                .put("eventCount", s.events());
        ObjectNode bandwidth = item.putObject("optimizeBandwidth");
        if (s.n() % 4 == 0) {
            bandwidth.put("blockImages", true).putArray("blockHosts").add("ads.example.net");
        }
        item.put("proxyBytesUsed", s.n() % 4 == 0 ? 20_480L * s.n() : 0)
                .put("proxySource", s.n() % 4 == 0 ? "steel" : null)
                .put("sessionViewerUrl", "https://app.steel.dev/sessions/" + s.id()).put("status", s.status(now))
                .put("timeout", 300_000).put("websocketUrl", "wss://connect.steel.dev?sessionId=" + s.id())
                .put("headless", s.headless()).put("isSelenium", false).put("region", REGIONS[s.n() % REGIONS.length])
                .put("solveCaptcha", s.n() % 5 == 0)
                .put("userAgent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/131.0.0.0 Safari/537.36");
        item.putObject("deviceConfig").put("device", "desktop");
        return item;
    }

    private void hls(Call call, Seeded s, String segment, Instant now) throws IOException {
        if (s.headless()) {
            error(call, 404, "No recording for session " + s.id() + ": it ran headless");
        } else if (segment == null) {
            // A live session's recording is still being written: its playlist so far, without #EXT-X-ENDLIST.
            String written = now.isBefore(s.released()) ? context.hlsPlaylistSoFar() : context.hlsPlaylist();
            call.bytes(200, "application/vnd.apple.mpegurl", (relativeSegments ? relative(written) : written)
                    .getBytes(StandardCharsets.UTF_8));
        } else if (!relativeSegments || !segment.matches("segment\\d{1,3}\\.ts") || !context.serveMedia(call, MediaPaths.HLS_FOLDER
                + segment, "video/mp2t")) {
            error(call, 404, "No segment " + segment + " in the recording of session " + s.id());
        }
    }

    /** {@code playlist} with each presigned segment URL replaced by one relative to it, {@code hls/segment0.ts}. */
    private static String relative(String playlist) {
        StringBuilder relative = new StringBuilder();
        for (String line : playlist.split("\n", -1)) {
            String path = line.isBlank() || line.startsWith("#") ? null : URI.create(line.strip()).getPath();
            relative.append(path == null ? line : "hls/" + path.substring(path.lastIndexOf('/') + 1)).append('\n');
        }
        return relative.toString().strip().concat("\n");
    }

    private void events(Call call, Seeded s) throws IOException {
        String limitText = call.param("limit").orElse("100");
        int limit = limitText.matches("\\d{1,4}") ? Math.max(1, Integer.parseInt(limitText)) : 100;
        int from = call.param("pointer").map(p -> new String(Base64.getUrlDecoder().decode(p), StandardCharsets.UTF_8))
                .filter(p -> p.matches("\\{\"offset\":\\d{1,6}}")).map(p -> Integer.parseInt(p.replaceAll("\\D", "")))
                .orElse(0);
        ArrayNode page = Json.array();
        long t = s.created().plusSeconds(1).toEpochMilli();
        for (int i = from; i < Math.min(from + limit, s.events()); i++) {
            ObjectNode event = page.addObject();
            if (i == 0) {
                event.put("type", 4).put("timestamp", t).putObject("data").put("href", "https://example.com/login")
                        .put("width", 1280).put("height", 768);
            } else if (i == 1) {
                ObjectNode data = event.put("type", 2).put("timestamp", t + 50).putObject("data");
                data.putObject("node").put("type", 0).put("id", 1).putArray("childNodes");
                data.putObject("initialOffset").put("left", 0).put("top", 0);
            } else {
                event.put("type", 3).put("timestamp", t + 100L * i).putObject("data").put("source", 1)
                        .putArray("positions").addObject().put("x", 10 + i).put("y", 20 + i).put("id", 5)
                        .put("timeOffset", 0);
            }
        }
        if (from + limit < s.events()) {
            call.responseHeaders().set("Next-Cursor", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"offset\":" + (from + limit) + "}").getBytes(StandardCharsets.UTF_8)));
        }
        call.json(200, page);
    }

    @Override
    public void rateLimited(Call call, int retryAfterSeconds) throws IOException {
        call.responseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        error(call, 429, "Too many requests; retry after " + retryAfterSeconds + " s");
    }

    @Override
    public void failure(Call call, int status) throws IOException {
        error(call, status, "The sandbox was told to fail this request");
    }

    private static void error(Call call, int status, String message) throws IOException {
        String word = status == 400 ? "Bad Request" : status == 401 ? "Unauthorized" : status == 404 ? "Not Found"
                : status == 429 ? "Too Many Requests" : status >= 500 ? "Internal Server Error" : "Error";
        call.json(status, Json.object().put("message", message).put("error", word));
    }
}
