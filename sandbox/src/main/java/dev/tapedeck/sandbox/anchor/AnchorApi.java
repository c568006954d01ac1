package dev.tapedeck.sandbox.anchor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapedeck.sandbox.spi.MediaPaths;
import dev.tapedeck.sandbox.spi.Call;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.Json;
import dev.tapedeck.sandbox.spi.SeededSessions;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * AnchorBrowser as its documents describe it ({@code 000}-{@code 002} and seeds/README.md): header
 * {@code anchor-api-key}; {@code GET /v1/sessions} (history page with every documented filter),
 * {@code GET /v1/sessions/{id}}, {@code GET .../recordings}, {@code GET .../recordings/primary/fetch} (the MP4,
 * with Range support), {@code POST .../recordings/pause} and {@code .../resume}.
 *
 * <p>Pause and resume follow their document literally: success is {@code {"data":{"data":{"status":..}}}} and
 * errors are wrapped once more, {@code {"error":{"error":{"code":..,"message":..}}}}. Both are idempotent:
 * pausing a paused recording answers 200 {@code paused} again (a retried POST must not fail); pausing or resuming
 * a session that is not running, or has recording disabled, answers the documented 500 "Failed to pause
 * recording" / "Failed to resume recording".
 */
public final class AnchorApi implements Emulation {

    private static final Set<Integer> LIMITS = Set.of(10, 20, 50);
    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Map<String, Comparator<AnchorSession>> SORTS = Map.of(
            "created_at", Comparator.comparing(AnchorSession::createdAt),
            "session_id", Comparator.comparing(AnchorSession::id),
            "used_credits", Comparator.comparing((AnchorSession s) -> s.usedCredits().amount().orElse(null),
                    Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder())),
            "api_key_name", Comparator.comparing(AnchorSession::apiKeyName),
            "status", Comparator.comparing(AnchorSession::status),
            "duration", Comparator.comparing((AnchorSession s) -> s.durationSeconds().isPresent()
                    ? s.durationSeconds().getAsInt() : null, Comparator.nullsFirst(Comparator.<Integer>naturalOrder())));

    private final EmulatorContext context;
    private final String apiKey;
    private final AnchorSeed data;
    private final Map<String, Boolean> paused = new ConcurrentHashMap<>();

    AnchorApi(EmulatorContext context) {
        this.context = context;
        this.apiKey = context.text(AnchorEmulator.API_KEY, AnchorEmulator.DEFAULT_API_KEY);
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("the sandbox setting anchor.api_key must not be blank");
        }
        this.data = AnchorSeed.generate(context.seed(), context.scenario(), context.mediaSize(MediaPaths.SAMPLE_MP4),
                context.number(AnchorEmulator.LARGE_RECORDING_BYTES, AnchorEmulator.DEFAULT_LARGE_RECORDING_BYTES));
    }

    /** The seeded sessions. */
    public AnchorSeed seed() {
        return data;
    }

    /** Seeded for the provider kit: sess_0002 has three recordings, all on the media host; sess_0007 failed with an empty list. */
    @Override
    public Optional<SeededSessions> seededSessions() {
        return Optional.of(new SeededSessions(data.withSeveralRecordings().id(), data.withoutRecordings().id()));
    }

    /** Whether the recording of session {@code sessionId} is currently paused. */
    public boolean isPaused(String sessionId) {
        return paused.getOrDefault(sessionId, false);
    }

    /** The mount URL (paths start with {@code /v1}) and the valid {@code anchor-api-key}. */
    @Override
    public ClientSettings clientSettings() {
        return ClientSettings.of(context.mountUrl(), apiKey);
    }

    @Override
    public void handle(Call call) throws IOException {
        if (!call.header("anchor-api-key").map(apiKey::equals).orElse(false)) {
            error(call, 401, "Invalid API Key");
            return;
        }
        List<String> parts = Arrays.asList(call.path().substring(1).split("/"));
        if (parts.size() < 2 || !parts.get(0).equals("v1") || !parts.get(1).equals("sessions")) {
            error(call, 404, "Not found: " + call.path());
            return;
        }
        if (parts.size() == 2) {
            requireThen(call, "GET", () -> history(call));
            return;
        }
        String id = parts.get(2);
        Optional<AnchorSession> session = data.session(id);
        String rest = String.join("/", parts.subList(3, parts.size()));
        switch (rest) {
            case "":
                requireThen(call, "GET", () -> withSession(call, session, s -> call.json(200, detail(s))));
                return;
            case "recordings":
                requireThen(call, "GET", () -> withSession(call, session, s -> recordings(call, s)));
                return;
            case "recordings/primary/fetch":
                requireThen(call, "GET", () -> withSession(call, session, s -> primary(call, s)));
                return;
            case "recordings/pause":
                requireThen(call, "POST", () -> withSession(call, session, s -> pauseOrResume(call, s, true)));
                return;
            case "recordings/resume":
                requireThen(call, "POST", () -> withSession(call, session, s -> pauseOrResume(call, s, false)));
                return;
            default:
                error(call, 404, "Not found: " + call.path());
        }
    }

    @Override
    public void rateLimited(Call call, int retryAfterSeconds) throws IOException {
        call.responseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        error(call, 429, "Too many requests, please try again later.");
    }

    @Override
    public void failure(Call call, int status) throws IOException {
        error(call, status, status == 503 ? "Service Unavailable" : "Internal Server Error");
    }

    private interface Step {
        void run() throws IOException;
    }

    private interface SessionStep {
        void run(AnchorSession session) throws IOException;
    }

    private void requireThen(Call call, String method, Step step) throws IOException {
        boolean allowed = call.method().equals(method) || (method.equals("GET") && call.isHead());
        if (!allowed) {
            call.responseHeaders().set("Allow", method);
            error(call, 405, "Method " + call.method() + " not allowed on " + call.path());
            return;
        }
        step.run();
    }

    private void withSession(Call call, Optional<AnchorSession> session, SessionStep step) throws IOException {
        if (session.isEmpty()) {
            error(call, 404, "Session not found");
            return;
        }
        step.run(session.get());
    }

    private void error(Call call, int status, String message) throws IOException {
        ObjectNode body = Json.object();
        body.putObject("error").put("code", status).put("message", message);
        if (call.path().endsWith("/recordings/pause") || call.path().endsWith("/recordings/resume")) {
            ObjectNode wrapped = Json.object();
            wrapped.set("error", body);
            body = wrapped;
        }
        call.json(status, body);
    }

    // ---- GET /v1/sessions

    private void history(Call call) throws IOException {
        Map<String, String> q = call.query();
        List<Predicate<AnchorSession>> filters = new ArrayList<>();
        int page;
        int limit;
        Comparator<AnchorSession> order;
        try {
            page = positiveInt(q, "page", 1);
            limit = positiveInt(q, "limit", 10);
            if (!LIMITS.contains(limit)) {
                throw new BadQuery("Invalid limit " + limit + ": supported values are 10, 20 and 50");
            }
            String sortBy = q.getOrDefault("sort_by", "created_at");
            Comparator<AnchorSession> sort = SORTS.get(sortBy);
            if (sort == null) {
                throw new BadQuery("Unsupported sort_by '" + sortBy + "': use one of " + new TreeSet<>(SORTS.keySet()));
            }
            String sortOrder = q.getOrDefault("sort_order", "asc");
            if (!sortOrder.equals("asc") && !sortOrder.equals("desc")) {
                throw new BadQuery("Invalid sort_order '" + sortOrder + "': use asc or desc");
            }
            order = (sortOrder.equals("asc") ? sort : sort.reversed()).thenComparing(AnchorSession::id);
            filters(q, filters);
        } catch (BadQuery e) {
            error(call, 400, e.getMessage());
            return;
        }
        List<AnchorSession> matching = data.sessions().stream()
                .filter(filters.stream().reduce(s -> true, Predicate::and))
                .sorted(order)
                .collect(Collectors.toList());
        int total = matching.size();
        int totalPages = (total + limit - 1) / limit;
        ArrayNode sessions = Json.array();
        matching.stream().skip((long) (page - 1) * limit).limit(limit).map(this::historyItem).forEach(sessions::add);
        ObjectNode body = Json.object();
        body.putObject("data").<ObjectNode>set("sessions", sessions).put("total", total).put("page", page)
                .put("total_pages", totalPages);
        call.json(200, body);
    }

    private static void filters(Map<String, String> q, List<Predicate<AnchorSession>> filters) throws BadQuery {
        String search = q.get("search");
        if (search != null && !search.isBlank()) {
            List<String> terms = csv(search).stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
            filters.add(s -> s.tags().map(tags -> terms.stream().allMatch(term -> tags.stream()
                    .anyMatch(tag -> tag.toLowerCase(Locale.ROOT).contains(term)))).orElse(false));
        }
        String status = q.get("status");
        if (status != null && !status.isEmpty()) {
            filters.add(s -> s.status().equals(status));
        }
        String tags = q.get("tags");
        if (tags != null && !tags.isBlank()) {
            List<String> wanted = csv(tags);
            filters.add(s -> s.tags().map(have -> have.containsAll(wanted)).orElse(false));
        }
        String domains = q.get("domains");
        if (domains != null && !domains.isBlank()) {
            List<String> wanted = csv(domains);
            filters.add(s -> s.domains().map(have -> have.containsAll(wanted)).orElse(false));
        }
        if (q.containsKey("created_from")) {
            Instant from = instant(q, "created_from");
            filters.add(s -> !s.createdAt().isBefore(from));
        }
        if (q.containsKey("created_to")) {
            Instant to = instant(q, "created_to");
            filters.add(s -> !s.createdAt().isAfter(to));
        }
        String batch = q.get("batch_id");
        if (batch != null && !batch.isEmpty()) {
            filters.add(s -> s.batchId().map(batch::equals).orElse(false));
        }
        bool(q, "task_initiated").ifPresent(v -> filters.add(s -> s.taskInitiated() == v));
        bool(q, "playground").ifPresent(v -> filters.add(s -> s.playground() == v));
        bool(q, "proxy").ifPresent(v -> filters.add(s -> s.proxyType().isPresent() == v));
        bool(q, "extra_stealth").ifPresent(v -> filters.add(s -> s.extraStealth() == v));
        String profile = q.get("profile_name");
        if (profile != null && !profile.isEmpty()) {
            String needle = profile.toLowerCase(Locale.ROOT);
            filters.add(s -> s.profileName().map(p -> p.toLowerCase(Locale.ROOT).contains(needle)).orElse(false));
        }
    }

    private ObjectNode historyItem(AnchorSession s) {
        ObjectNode item = Json.object();
        item.put("id", s.id());
        item.put("status", s.status());
        item.set("tags", s.tags().<JsonNode>map(Json::strings).orElse(null));
        item.put("headless", s.headless());
        item.put("recording", s.recordingEnabled());
        putCredits(item, "used_credits", s.usedCredits());
        putNullable(item, "proxy_bytes", s.proxyBytes().isPresent() ? s.proxyBytes().getAsLong() : null);
        item.put("proxy_type", s.proxyType().orElse(null));
        putNullable(item, "steps", s.steps().isPresent() ? (long) s.steps().getAsInt() : null);
        putNullable(item, "duration", s.durationSeconds().isPresent() ? (long) s.durationSeconds().getAsInt() : null);
        item.put("created_at", millis(s.createdAt()));
        item.set("user_configuration", configuration(s));
        item.put("task_initiated", s.taskInitiated());
        item.put("task_executions_count", s.taskExecutionsCount());
        item.put("api_key_name", s.apiKeyName());
        item.put("browser_ip", s.browserIp().orElse(null));
        item.set("domains", s.domains().<JsonNode>map(Json::strings).orElse(null));
        return item;
    }

    private static ObjectNode configuration(AnchorSession s) {
        ObjectNode config = Json.object();
        ObjectNode session = config.putObject("session");
        session.put("idle_timeout", 300);
        session.putObject("recording").put("active", s.recordingEnabled());
        ObjectNode proxy = session.putObject("proxy").put("active", s.proxyType().isPresent());
        s.proxyType().ifPresent(type -> proxy.put("type", type));
        ObjectNode browser = config.putObject("browser");
        browser.putObject("headless").put("active", s.headless());
        browser.putObject("extra_stealth").put("active", s.extraStealth());
        s.profileName().ifPresent(name -> browser.putObject("profile").put("name", name));
        return config;
    }

    // ---- GET /v1/sessions/{id}

    private ObjectNode detail(AnchorSession s) {
        ObjectNode body = Json.object();
        ObjectNode d = body.putObject("data");
        d.put("session_id", s.id());
        d.put("team_id", "team_sandbox");
        d.put("status", s.status());
        putNullable(d, "duration", s.durationSeconds().isPresent() ? (long) s.durationSeconds().getAsInt() : null);
        if (s.usedCredits().amount().isPresent()) {
            d.put("credits_used", s.usedCredits().amount().get());
        } else {
            d.putNull("credits_used");
        }
        d.set("configuration", configuration(s));
        d.put("playground", s.playground());
        putNullable(d, "proxy_bytes", s.proxyBytes().isPresent() ? s.proxyBytes().getAsLong() : null);
        d.putObject("tokens");
        putNullable(d, "steps", s.steps().isPresent() ? (long) s.steps().getAsInt() : null);
        d.set("tags", s.tags().<JsonNode>map(Json::strings).orElse(null));
        d.put("created_at", millis(s.createdAt()));
        return body;
    }

    // ---- recordings

    private void recordings(Call call, AnchorSession s) throws IOException {
        if (!s.recordingEnabled()) {
            error(call, 404, "Session recordings not found");
            return;
        }
        ArrayNode items = Json.array();
        for (AnchorRecording r : s.recordings()) {
            ObjectNode item = items.addObject();
            item.put("id", r.id());
            item.put("is_primary", r.primary());
            item.put("file_link", context.presign(r.mediaPath()).url());
            item.put("suggested_file_name", r.suggestedFileName());
            item.put("duration", r.duration());
            item.put("size", r.size());
            item.put("created_at", millis(r.createdAt()));
        }
        ObjectNode body = Json.object();
        body.putObject("data").put("count", items.size()).set("items", items);
        call.json(200, body);
    }

    private void primary(Call call, AnchorSession s) throws IOException {
        Optional<AnchorRecording> primary = s.primaryRecording();
        if (primary.isEmpty() || !context.serveMedia(call, primary.get().mediaPath(), "video/mp4")) {
            error(call, 404, "Recording not found");
        }
    }

    private void pauseOrResume(Call call, AnchorSession s, boolean pause) throws IOException {
        if (!s.running() || !s.recordingEnabled()) {
            error(call, 500, pause ? "Failed to pause recording" : "Failed to resume recording");
            return;
        }
        paused.put(s.id(), pause);
        ObjectNode body = Json.object();
        body.putObject("data").putObject("data").put("status", pause ? "paused" : "recording");
        call.json(200, body);
    }

    // ---- query parsing

    private static final class BadQuery extends Exception {
        private static final long serialVersionUID = 1L;

        BadQuery(String message) {
            super(message, null, false, false);
        }
    }

    private static int positiveInt(Map<String, String> q, String name, int fallback) throws BadQuery {
        String raw = q.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < 1) {
                throw new BadQuery("Invalid " + name + " " + raw + ": must be at least 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadQuery("Invalid " + name + " '" + raw + "': must be an integer");
        }
    }

    private static Optional<Boolean> bool(Map<String, String> q, String name) throws BadQuery {
        String raw = q.get(name);
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        if (raw.equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        throw new BadQuery("Invalid " + name + " '" + raw + "': must be true or false");
    }

    private static Instant instant(Map<String, String> q, String name) throws BadQuery {
        String raw = q.get(name).trim();
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(raw).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new BadQuery("Invalid " + name + " '" + raw + "': must be an ISO 8601 timestamp");
                }
            }
        }
    }

    private static List<String> csv(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(t -> !t.isEmpty()).collect(Collectors.toList());
    }

    private static void putCredits(ObjectNode node, String field, UsedCredits credits) {
        if (credits.form() == UsedCredits.Form.NUMBER) {
            node.put(field, new BigDecimal(credits.text()));
        } else {
            node.put(field, credits.text());
        }
    }

    /** {@code 2026-03-09T12:34:56.789Z}, the form of AnchorBrowser's examples. */
    private static String millis(Instant instant) {
        return MILLIS_UTC.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static void putNullable(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
