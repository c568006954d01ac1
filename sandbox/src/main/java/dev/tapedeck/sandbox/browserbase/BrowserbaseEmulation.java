package dev.tapedeck.sandbox.browserbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapedeck.sandbox.spi.Call;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.Json;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Browserbase as its API reference and the {@code @browserbasehq/sdk} 2.21 types describe it: {@code X-BB-API-Key};
 * {@code GET /v1/sessions?status=&q=} (one bare array, no paging; {@code q} matches {@code user_metadata['a']['b']:'v'}
 * by string equality), {@code GET /v1/sessions/{id}}, {@code GET /v1/sessions/{id}/replays} ({@code {pageCount,
 * pages[]}}), {@code GET /v1/sessions/{id}/replays/{pageId}} (the tab's HLS playlist, segments signed on the media
 * host) and the deprecated {@code GET /v1/sessions/{id}/recording} (rrweb events). Errors are Fastify's
 * {@code {statusCode, error, message}}; a 429 carries {@code x-ratelimit-*} and {@code retry-after}.
 *
 * <p>Seeded: 36 sessions, newest first. The first 3 are RUNNING until start + {@link BrowserbaseEmulator#END_AFTER},
 * then COMPLETED with 2 tabs; until then the replay of the first two answers 404, and that of the third has one page
 * already, its first tab's, whose playlist is still being written (no {@code #EXT-X-ENDLIST}). Of the others,
 * n%10==7 ended in ERROR, n%10==9 TIMED_OUT, the rest COMPLETED; n%9==5 recorded nothing (replay 404), n&gt;30 predate
 * replays (no pages, their rrweb events served), every other has 1 to 3 tabs, each a finished playlist. UNVERIFIED
 * in the documents and chosen here: the 404 of a replay that does not exist (yet), the empty page list of an older
 * session, and a running session's page, whose {@code endTimeMs} is the time of the answer.
 */
final class BrowserbaseEmulation implements Emulation {

    private static final Pattern PATH = Pattern.compile("/v1/sessions(?:/([^/]+)(/replays(?:/([^/]+))?|/recording)?)?");
    private static final Pattern QUERY = Pattern.compile("user_metadata((?:\\['[^']*'])+):'([^']*)'");
    private static final List<String> STATUSES = List.of("PENDING", "RUNNING", "ERROR", "TIMED_OUT", "COMPLETED");
    private static final String[] AGENTS = {"price-monitor", "checkout-flow", "lead-enrichment", "docs-crawler"};
    private static final String[] REGIONS = {"us-west-2", "us-east-1", "eu-central-1", "ap-southeast-1"};
    private static final String PROJECT = "7c1d1b6e-2a4f-4f0e-9a53-3b1f1b2c9d10";
    /** The running session whose replay has a page while it runs: the third, the oldest running one. */
    private static final int RUNNING_WITH_A_PAGE = 3;

    /** One seeded session; {@code tabs} 0 predates replays, -1 recorded nothing. */
    private record Seeded(String id, int n, Instant created, Instant ended, String endStatus, int tabs) {
        String status(Instant now) {
            return now.isBefore(ended) ? "RUNNING" : endStatus;
        }
    }

    private final EmulatorContext context;
    private final String key;
    private final List<Seeded> sessions = new ArrayList<>();

    BrowserbaseEmulation(EmulatorContext context) {
        this.context = context;
        this.key = context.text(BrowserbaseEmulator.API_KEY, BrowserbaseEmulator.DEFAULT_API_KEY);
        Duration endAfter = context.duration(BrowserbaseEmulator.END_AFTER, BrowserbaseEmulator.DEFAULT_END_AFTER);
        if (key.isBlank() || endAfter.isNegative()) {
            throw new IllegalArgumentException("the sandbox settings browserbase.api_key must not be blank and "
                    + "browserbase.end_after not negative");
        }
        Random random = new Random(context.seed() ^ 0xBB5EL);
        for (int n = 1; n <= 36; n++) {
            String id = SeededIds.uuid(random);
            boolean running = n <= 3;
            Instant created = running ? context.startedAt().minusSeconds(90L * n)
                    : context.startedAt().minus(Duration.ofHours(7L * n)).plusSeconds(random.nextInt(3600));
            Instant ended = running ? context.startedAt().plus(endAfter)
                    : created.plusSeconds(41 + random.nextInt(1200));
            String end = n % 10 == 7 ? "ERROR" : n % 10 == 9 ? "TIMED_OUT" : "COMPLETED";
            int tabs = running ? 2 : n % 9 == 5 ? -1 : n > 30 ? 0 : 1 + n % 3;
            sessions.add(new Seeded(id, n, created, ended, end, tabs));
        }
    }

    @Override
    public ClientSettings clientSettings() {
        return ClientSettings.of(context.mountUrl(), key);
    }

    /** A completed session with two tabs; a completed one that recorded nothing. */
    @Override
    public Optional<SeededSessions> seededSessions() {
        return Optional.of(new SeededSessions(sessions.get(3).id(), sessions.get(4).id()));
    }

    @Override
    public void handle(Call call) throws IOException {
        Matcher path = PATH.matcher(call.path());
        Instant now = context.clock().instant();
        if (!call.header("X-BB-API-Key").orElse("").equals(key)) {
            error(call, 401, "Invalid API key; send it as X-BB-API-Key");
        } else if (!call.method().equals("GET") || !path.matches()) {
            error(call, 404, "Route " + call.method() + ":" + call.path() + " not found");
        } else if (path.group(1) == null) {
            list(call, now);
        } else {
            String id = URLDecoder.decode(path.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            Optional<Seeded> found = sessions.stream().filter(s -> s.id().equals(id)).findFirst();
            if (found.isEmpty()) {
                error(call, 404, "Session " + id + " not found");
            } else if (path.group(2) == null) {
                call.json(200, session(found.get(), now));
            } else if (path.group(2).equals("/recording")) {
                call.json(200, events(found.get()));
            } else {
                replay(call, found.get(), path.group(3), now);
            }
        }
    }

    private void list(Call call, Instant now) throws IOException {
        Optional<String> status = call.param("status");
        Optional<Matcher> q = call.param("q").map(QUERY::matcher);
        if (status.isPresent() && !STATUSES.contains(status.get()) || q.isPresent() && !q.get().matches()) {
            error(call, 400, "querystring/status must be one of " + STATUSES + " and q of the form "
                    + "user_metadata['key']:'value'");
            return;
        }
        ArrayNode body = Json.array();
        for (Seeded s : sessions) {
            ObjectNode item = session(s, now);
            if (status.map(s.status(now)::equals).orElse(true) && q.map(m -> matches(item, m)).orElse(true)) {
                body.add(item);
            }
        }
        call.json(200, body);
    }

    private static boolean matches(ObjectNode session, Matcher q) {
        JsonNode value = session.path("userMetadata");
        for (String key : q.group(1).substring(2, q.group(1).length() - 2).split("'\\]\\['", -1)) {
            value = value.path(key);
        }
        return value.isTextual() && value.asText().equals(q.group(2));
    }

    private ObjectNode session(Seeded s, Instant now) {
        Instant started = s.created().plusMillis(780);
        boolean running = now.isBefore(s.ended());
        ObjectNode item = Json.object().put("id", s.id()).put("createdAt", s.created().toString())
                .put("updatedAt", (running ? started : s.ended().plusMillis(120)).toString()).put("projectId", PROJECT)
                .put("startedAt", started.toString());
        if (!running) {
            item.put("endedAt", s.ended().toString());
        }
        item.put("expiresAt", started.plus(Duration.ofHours(1)).toString()).put("status", s.status(now))
                .put("proxyBytes", s.n() % 4 == 0 ? 1_048_576L * s.n() : 0).put("keepAlive", s.n() % 5 == 0)
                .put("region", REGIONS[s.n() % REGIONS.length]);
        if (s.n() % 3 == 0) {
            item.put("contextId", new UUID(s.n(), 0xC0A3F2D95B7EL).toString());
        }
        ObjectNode metadata = item.putObject("userMetadata").put("agent", AGENTS[s.n() % AGENTS.length])
                .put("env", s.n() % 4 == 1 ? "staging" : "production");
        metadata.putObject("run").put("id", String.format("run-%04d", 2000 - s.n()));
        if (s.n() % 2 == 0) {
            item.put("avgCpuUsage", 8 + s.n() % 30).put("memoryUsage", 256 + 32 * (s.n() % 8));
        }
        return item;
    }

    private void replay(Call call, Seeded s, String pageId, Instant now) throws IOException {
        boolean running = now.isBefore(s.ended());
        // While it runs a session has no replay yet (-1, as if it recorded nothing), but the third has its first page
        int tabs = !running ? s.tabs() : s.n() == RUNNING_WITH_A_PAGE ? 1 : -1;
        if (tabs < 0) {
            error(call, 404, "No replay for session " + s.id() + (running
                    ? ": it is still running; the replay exists once it ends" : ": recording was off"));
        } else if (pageId == null) {
            ObjectNode body = Json.object().put("pageCount", tabs);
            ArrayNode pages = body.putArray("pages");
            for (int tab = 0; tab < tabs; tab++) {
                long start = s.created().plusSeconds(1 + 20L * tab).toEpochMilli();
                pages.addObject().put("pageId", Integer.toString(tab)).put("url", context.mountUrl() + "/v1/sessions/"
                        + s.id() + "/replays/" + tab).put("startTimeMs", start)
                        .put("endTimeMs", running ? now.toEpochMilli()
                                : Math.max(start + 3000, s.ended().toEpochMilli() - 5000L * tab));
            }
            call.json(200, body);
        } else if (!pageId.matches("\\d{1,3}") || Integer.parseInt(pageId) >= tabs) {
            error(call, 404, "No page " + pageId + " in the replay of session " + s.id());
        } else {
            // The page of a running session is still being recorded: its playlist has no #EXT-X-ENDLIST yet.
            String playlist = running ? context.hlsPlaylistSoFar() : context.hlsPlaylist();
            call.bytes(200, "application/vnd.apple.mpegurl", playlist.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The primary tab's rrweb events of an older session; an empty array for every other. */
    private ArrayNode events(Seeded s) {
        ArrayNode events = Json.array();
        if (s.tabs() != 0) {
            return events;
        }
        long t = s.created().plusSeconds(1).toEpochMilli();
        ObjectNode meta = events.addObject().put("sessionId", s.id()).put("type", 4).put("timestamp", t);
        meta.putObject("data").put("href", "https://shop.example.com/products?page=" + s.n()).put("width", 1280)
                .put("height", 720);
        ObjectNode full = events.addObject().put("sessionId", s.id()).put("type", 2).put("timestamp", t + 50);
        ObjectNode data = full.putObject("data");
        data.putObject("node").put("type", 0).put("id", 1).putArray("childNodes").addObject().put("type", 1)
                .put("name", "html").put("id", 2);
        data.putObject("initialOffset").put("left", 0).put("top", 0);
        for (int i = 0; i < 40; i++) {
            ObjectNode move = events.addObject().put("sessionId", s.id()).put("type", 3).put("timestamp",
                    t + 200L * (i + 1));
            move.putObject("data").put("source", 1).putArray("positions").addObject().put("x", 100 + 7 * i)
                    .put("y", 200 + 3 * i).put("id", 2).put("timeOffset", 0);
        }
        return events;
    }

    @Override
    public void rateLimited(Call call, int retryAfterSeconds) throws IOException {
        call.responseHeaders().set("x-ratelimit-limit", "3");
        call.responseHeaders().set("x-ratelimit-remaining", "0");
        call.responseHeaders().set("x-ratelimit-reset", Integer.toString(retryAfterSeconds));
        call.responseHeaders().set("retry-after", Integer.toString(retryAfterSeconds));
        error(call, 429, "Too many requests: the concurrency or rate limit of this plan is reached");
    }

    @Override
    public void failure(Call call, int status) throws IOException {
        error(call, status, "The sandbox was told to fail this request");
    }

    private static void error(Call call, int status, String message) throws IOException {
        String word = status == 400 ? "Bad Request" : status == 401 ? "Unauthorized" : status == 403 ? "Forbidden"
                : status == 404 ? "Not Found" : status == 429 ? "Too Many Requests" : status >= 500
                ? "Internal Server Error" : "Error";
        call.json(status, Json.object().put("statusCode", status).put("error", word).put("message", message));
    }
}
