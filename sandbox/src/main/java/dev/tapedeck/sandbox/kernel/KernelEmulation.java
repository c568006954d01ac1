package dev.tapedeck.sandbox.kernel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapedeck.sandbox.spi.Call;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.Json;
import dev.tapedeck.sandbox.spi.MediaPaths;
import dev.tapedeck.sandbox.spi.SeededSessions;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kernel as the {@code @onkernel/sdk} 0.84.0 types describe it: {@code Authorization: Bearer}; {@code GET /browsers
 * ?status=active|deleted|all&query=&offset=&limit=} (a bare array, newest first, default {@code active}, limit 1..100
 * default 20, paged by the headers {@code X-Has-More} and {@code X-Next-Offset}, 0 on the last page);
 * {@code GET /browsers/{id}/replays} ({@code [{replay_id, started_at, finished_at, replay_view_url}]});
 * {@code GET /browsers/{id}/replays/{replay_id}} (the MP4, served here with the key, ranges honoured);
 * {@code POST /browsers/{id}/replays} (starts one, its body ignored) and {@code POST
 * /browsers/{id}/replays/{replay_id}/stop}. Errors are {@code {code, message}}; a 429 carries Retry-After.
 * UNVERIFIED and chosen here: the default page size, the 409 of a second start while one runs, the 404 of a running
 * replay's bytes and of any call on a deleted browser but the lists.
 *
 * <p>Seeded: 40 browsers, one a day apart. The first 4 are active: 1 and 2 have 2 and 1 finished replays, 3 and 4
 * one replay running until start + {@link KernelEmulator#FINISH_AFTER}, after 1 and 0 finished ones. The others were
 * deleted after their run; n%9==5 recorded nothing, the rest 1 to 4 finished replays. Thread-safe: replays start
 * and stop while others are read.
 */
final class KernelEmulation implements Emulation {

    private static final Pattern PATH = Pattern.compile("/browsers(?:/([^/]+)/replays(?:/([^/]+)(/stop)?)?)?");
    private static final List<String> STATUSES = List.of("active", "deleted", "all");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** One replay; {@code finished} empty while it runs, unless {@code until} has passed. */
    private static final class Replay {
        final String id;
        final Instant started;
        final Instant until;
        volatile Optional<Instant> finished;

        Replay(String id, Instant started, Instant until, Optional<Instant> finished) {
            this.id = id;
            this.started = started;
            this.until = until;
            this.finished = finished;
        }

        Optional<Instant> finished(Instant now) {
            return finished.or(() -> now.isBefore(until) ? Optional.empty() : Optional.of(until));
        }
    }

    private record Browser(String id, int n, Instant created, Optional<Instant> deleted, List<Replay> replays) {
    }

    private final EmulatorContext context;
    private final String key;
    private final List<Browser> browsers = new ArrayList<>();
    private final Random ids;

    KernelEmulation(EmulatorContext context) {
        this.context = context;
        this.key = context.text(KernelEmulator.API_KEY, KernelEmulator.DEFAULT_API_KEY);
        if (key.isBlank()) {
            throw new IllegalArgumentException("the sandbox setting kernel.api_key must not be blank");
        }
        Instant start = context.startedAt();
        Instant until = start.plus(context.duration(KernelEmulator.FINISH_AFTER, KernelEmulator.DEFAULT_FINISH_AFTER));
        Random random = new Random(context.seed() ^ 0x4E37L);
        this.ids = new Random(context.seed() ^ 0x4E38L);
        for (int n = 1; n <= 40; n++) {
            boolean active = n <= 4;
            Instant created = active ? start.minusSeconds(240L * n) : start.minus(Duration.ofDays(n - 4))
                    .plusSeconds(random.nextInt(3600));
            Instant ended = created.plusSeconds(60 + random.nextInt(1800));
            List<Replay> replays = new CopyOnWriteArrayList<>();
            int finished = active ? List.of(2, 1, 1, 0).get(n - 1) : n % 9 == 5 ? 0 : 1 + n % 4;
            for (int r = 0; r < finished; r++) {
                Instant from = created.plusSeconds(5 + 40L * r);
                replays.add(new Replay(id(random, 22), from, Instant.MAX, Optional.of(from.plusSeconds(30))));
            }
            if (active && n >= 3) {
                replays.add(new Replay(id(random, 22), start.minusSeconds(20), until, Optional.empty()));
            }
            browsers.add(new Browser(id(random, 24), n, created, active ? Optional.empty() : Optional.of(ended),
                    replays));
        }
    }

    private static String id(Random random, int length) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    @Override
    public ClientSettings clientSettings() {
        return ClientSettings.of(context.mountUrl(), key);
    }

    /** A deleted browser with three finished replays; one that recorded nothing. */
    @Override
    public Optional<SeededSessions> seededSessions() {
        return Optional.of(new SeededSessions(browsers.get(5).id(), browsers.get(4).id()));
    }

    @Override
    public void handle(Call call) throws IOException {
        if (!call.header("Authorization").orElse("").equals("Bearer " + key)) {
            error(call, 401, "unauthorized", "Invalid or missing API key: send it as Authorization: Bearer");
            return;
        }
        Matcher path = PATH.matcher(call.path());
        if (!path.matches()) {
            error(call, 404, "not_found", "Route " + call.method() + " " + call.path() + " not found");
            return;
        }
        if (path.group(1) == null) {
            if (call.method().equals("GET")) {
                list(call);
            } else {
                error(call, 405, "method_not_allowed", "Use GET to list browsers");
            }
            return;
        }
        Optional<Browser> browser = find(path.group(1));
        String replay = path.group(2) == null ? null : decode(path.group(2));
        boolean stop = path.group(3) != null;
        String route = call.method() + (replay == null ? "" : stop ? " stop" : " replay");
        Instant now = context.clock().instant();
        if (browser.isEmpty() || !route.startsWith("GET") && browser.get().deleted().isPresent()) {
            error(call, 404, "not_found", "Browser session not found");
        } else if (route.equals("GET")) {
            replays(call, browser.get(), now);
        } else if (route.equals("GET replay")) {
            media(call, browser.get(), replay, now);
        } else if (route.equals("POST")) {
            start(call, browser.get(), now);
        } else if (route.equals("POST stop")) {
            stop(call, browser.get(), replay, now);
        } else {
            error(call, 405, "method_not_allowed", "Method " + call.method() + " is not allowed here");
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The seeded browser of a path segment as sent (percent-encoded). */
    private Optional<Browser> find(String segment) {
        String id = decode(segment);
        return browsers.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    private void list(Call call) throws IOException {
        String status = call.param("include_deleted").filter("true"::equalsIgnoreCase).map(yes -> "all")
                .orElse(call.param("status").orElse("active"));
        String limitText = call.param("limit").orElse("20");
        String offsetText = call.param("offset").orElse("0");
        if (!STATUSES.contains(status) || !limitText.matches("\\d{1,3}") || !offsetText.matches("\\d{1,9}")
                || Integer.parseInt(limitText) < 1 || Integer.parseInt(limitText) > 100) {
            error(call, 400, "bad_request", "status must be one of " + STATUSES + ", limit 1 to 100, offset 0 or more");
            return;
        }
        int limit = Integer.parseInt(limitText);
        int offset = Integer.parseInt(offsetText);
        String query = call.param("query").orElse("").toLowerCase(Locale.ROOT);
        List<Browser> selected = browsers.stream()
                .filter(b -> status.equals("all") || status.equals("deleted") == b.deleted().isPresent())
                .filter(b -> query.isEmpty() || searchable(b).contains(query)).toList();
        List<Browser> page = selected.subList(Math.min(offset, selected.size()),
                Math.min(offset + limit, selected.size()));
        boolean more = offset + limit < selected.size();
        call.responseHeaders().set("X-Has-More", Boolean.toString(more));
        call.responseHeaders().set("X-Next-Offset", Integer.toString(more ? offset + limit : 0));
        ArrayNode items = Json.array();
        page.forEach(b -> items.add(browser(b)));
        call.json(200, items);
    }

    private static String searchable(Browser b) {
        return String.join(" ", b.id(), name(b), "prof_" + b.n() % 5, "proxy_" + b.n() % 3, "pool-" + b.n() % 2)
                .toLowerCase(Locale.ROOT);
    }

    private static String name(Browser b) {
        return List.of("checkout-flow", "invoice-export", "login-smoke", "price-watch").get(b.n() % 4) + "-" + b.n();
    }

    private ObjectNode browser(Browser b) {
        boolean headless = b.n() % 7 == 3;
        String host = "https://" + b.id() + ".browsers.onkernel.com";
        ObjectNode item = Json.object().put("cdp_ws_url", "wss://" + b.id() + ".browsers.onkernel.com/cdp")
                .put("created_at", b.created().toString()).put("headless", headless).put("session_id", b.id())
                .put("stealth", b.n() % 3 == 0).put("timeout_seconds", 60 * (1 + b.n() % 5))
                .put("webdriver_ws_url", "wss://" + b.id() + ".browsers.onkernel.com/session")
                .put("base_url", host);
        if (!headless) {
            item.put("browser_live_view_url", host + "/live?token=view-" + b.n());
        }
        if (b.n() % 6 == 0) {
            item.putObject("chrome_policy").put("PasswordManagerEnabled", false);
        }
        b.deleted().ifPresent(deleted -> item.put("deleted_at", deleted.toString()));
        item.put("gpu", b.n() % 8 == 1).put("kiosk_mode", b.n() % 10 == 2).put("name", name(b));
        if (b.n() % 2 == 0) {
            item.putObject("pool").put("id", "pool_" + b.n() % 2).put("name", "pool-" + b.n() % 2);
        }
        if (b.n() % 5 != 4) {
            item.putObject("profile").put("id", "prof_" + b.n() % 5).put("created_at", "2026-01-05T09:00:00Z")
                    .put("last_used_at", b.created().toString()).put("name", b.n() % 5 == 0 ? null : "shopper")
                    .put("updated_at", b.created().toString());
        }
        if (b.n() % 3 == 0) {
            item.put("proxy_id", "proxy_" + b.n() % 3);
        }
        item.put("start_url", "https://example.com/" + name(b));
        item.putObject("tags").put("team", b.n() % 2 == 0 ? "growth" : "billing").put("env", "staging");
        if (b.n() % 4 == 0) {
            item.putObject("telemetry").putObject("browser").putObject("network").put("enabled", true);
        } else {
            item.putNull("telemetry");
        }
        Instant end = b.deleted().orElse(context.clock().instant());
        item.putObject("usage").put("uptime_ms", Duration.between(b.created(), end).toMillis());
        item.putObject("viewport").put("width", 1920).put("height", 1080).put("refresh_rate", 25);
        return item;
    }

    private void replays(Call call, Browser b, Instant now) throws IOException {
        ArrayNode items = Json.array();
        for (Replay replay : b.replays()) {
            ObjectNode item = items.addObject().put("replay_id", replay.id).put("started_at",
                    replay.started.toString());
            Optional<Instant> finished = replay.finished(now);
            if (finished.isPresent()) {
                item.put("finished_at", finished.get().toString());
            } else {
                item.putNull("finished_at");
            }
            item.put("replay_view_url", "https://www.onkernel.com/replays/" + b.id() + "/" + replay.id);
        }
        call.json(200, items);
    }

    private Optional<Replay> replay(Browser b, String id) {
        return b.replays().stream().filter(r -> r.id.equals(id)).findFirst();
    }

    private void media(Call call, Browser b, String id, Instant now) throws IOException {
        Optional<Replay> replay = replay(b, id);
        if (replay.isEmpty() || replay.get().finished(now).isEmpty()) {
            error(call, 404, "not_found", replay.isEmpty() ? "Replay not found" : "Replay is still recording");
        } else if (!context.serveMedia(call, MediaPaths.SAMPLE_MP4, "video/mp4")) {
            error(call, 404, "not_found", "Replay video not found");
        }
    }

    private synchronized void start(Call call, Browser b, Instant now) throws IOException {
        if (b.replays().stream().anyMatch(r -> r.finished(now).isEmpty())) {
            error(call, 409, "conflict", "A replay is already recording on this browser session");
            return;
        }
        Replay started = new Replay(id(ids, 22), now, Instant.MAX, Optional.empty());
        b.replays().add(started);
        call.json(200, Json.object().put("replay_id", started.id).put("started_at", now.toString())
                .putNull("finished_at").put("replay_view_url", "https://www.onkernel.com/replays/" + b.id() + "/"
                        + started.id));
    }

    private synchronized void stop(Call call, Browser b, String id, Instant now) throws IOException {
        Optional<Replay> replay = replay(b, id);
        if (replay.isEmpty() || replay.get().finished(now).isPresent()) {
            error(call, 404, "not_found", replay.isEmpty() ? "Replay not found" : "Replay is not recording");
            return;
        }
        replay.get().finished = Optional.of(now);
        call.bytes(200, "application/json", new byte[0]);
    }

    /** Kernel's 429, with the wait in {@code Retry-After}. */
    @Override
    public void rateLimited(Call call, int retryAfterSeconds) throws IOException {
        call.responseHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
        error(call, 429, "too_many_requests", "Rate limit exceeded; retry in " + retryAfterSeconds + " seconds");
    }

    /** Any other status the sandbox's faults ask for, in Kernel's error shape. */
    @Override
    public void failure(Call call, int status) throws IOException {
        error(call, status, status >= 500 ? "internal_error" : "request_failed", "The sandbox failed this on purpose");
    }

    private static void error(Call call, int status, String code, String message) throws IOException {
        call.json(status, Json.object().put("code", code).put("message", message));
    }
}
