package com.example.acme.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapedeck.sandbox.spi.Call;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.Json;
import dev.tapedeck.sandbox.spi.MediaPaths;
import dev.tapedeck.sandbox.spi.PresignedLink;
import dev.tapedeck.sandbox.spi.SeededSessions;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One running Acme emulation: nine seeded sessions, newest first ({@code acme_0009} is running, {@code acme_0007}
 * failed without a recording, {@code acme_0002} has two recordings, every other finished one has one), paged by
 * {@code cursor} and {@code limit} (1 to 50, default 20), filtered by {@code status} and {@code tag}; recordings as
 * presigned links to the sandbox's sample MP4. Errors are {@code {"error":{"type","message"}}}.
 */
final class AcmeEmulation implements Emulation {

    private static final Pattern RECORDINGS = Pattern.compile("/v1/sessions/([^/]+)/recordings");
    private static final Pattern CURSOR = Pattern.compile("c(\\d{1,4})");

    /** A seeded session. */
    private record Seeded(String id, String status, Instant createdAt, String tag, int recordings) {
    }

    private final EmulatorContext context;
    private final String key;
    private final List<Seeded> sessions = new ArrayList<>();

    AcmeEmulation(EmulatorContext context, String key) {
        this.context = context;
        this.key = key;
        for (int n = 9; n >= 1; n--) {
            String status = n == 9 ? "running" : n == 7 ? "failed" : "finished";
            int recordings = !status.equals("finished") ? 0 : n == 2 ? 2 : 1;
            sessions.add(new Seeded(String.format("acme_%04d", n), status,
                    context.startedAt().minusSeconds(3600L * (10 - n)), n % 2 == 0 ? "nightly" : "checkout",
                    recordings));
        }
    }

    @Override
    public ClientSettings clientSettings() {
        return ClientSettings.of(context.mountUrl(), key);
    }

    @Override
    public Optional<SeededSessions> seededSessions() {
        return Optional.of(new SeededSessions("acme_0002", "acme_0007"));
    }

    @Override
    public void handle(Call call) throws IOException {
        Matcher recordings = RECORDINGS.matcher(call.path());
        if (!call.header("Authorization").orElse("").equals("Bearer " + key)) {
            error(call, 401, "unauthorized", "Invalid API key; send Authorization: Bearer <ACME_API_KEY>");
        } else if (!call.method().equals("GET")) {
            error(call, 405, "method_not_allowed", call.method() + " is not allowed on " + call.path());
        } else if (call.path().equals("/v1/sessions")) {
            sessions(call);
        } else if (recordings.matches()) {
            recordings(call, URLDecoder.decode(recordings.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
        } else {
            error(call, 404, "not_found", "No route " + call.path());
        }
    }

    private void sessions(Call call) throws IOException {
        int limit = call.param("limit").filter(l -> l.matches("\\d{1,2}")).map(Integer::parseInt).orElse(20);
        Matcher cursor = CURSOR.matcher(call.param("cursor").orElse("c0"));
        if (limit < 1 || limit > 50 || !cursor.matches()) {
            error(call, 400, "invalid_request", "limit must be 1 to 50 and cursor one this API returned");
            return;
        }
        List<Seeded> selected = sessions.stream()
                .filter(s -> call.param("status").map(s.status()::equals).orElse(true))
                .filter(s -> call.param("tag").map(s.tag()::equals).orElse(true)).toList();
        int from = Math.min(Integer.parseInt(cursor.group(1)), selected.size());
        int to = Math.min(from + limit, selected.size());
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        for (Seeded s : selected.subList(from, to)) {
            ObjectNode item = data.addObject().put("id", s.id()).put("status", s.status())
                    .put("created_at", s.createdAt().toString());
            if (!s.status().equals("running")) {
                item.put("ended_at", s.createdAt().plusSeconds(95).toString());
            }
            item.putArray("tags").add(s.tag());
        }
        body.put("next_cursor", to < selected.size() ? "c" + to : null);
        call.json(200, body);
    }

    private void recordings(Call call, String id) throws IOException {
        Optional<Seeded> session = sessions.stream().filter(s -> s.id().equals(id)).findFirst();
        if (session.isEmpty()) {
            error(call, 404, "not_found", "No session " + id);
            return;
        }
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        for (int n = 1; n <= session.get().recordings(); n++) {
            PresignedLink link = context.presign(MediaPaths.SAMPLE_MP4);
            data.addObject().put("id", id.replace("acme_", "rec_") + "_" + n).put("primary", n == 1)
                    .put("url", link.url()).put("url_expires_at", link.expiresAt().toString())
                    .put("bytes", context.mediaSize(MediaPaths.SAMPLE_MP4)).put("duration_seconds", 3.0)
                    .put("created_at", session.get().createdAt().plusSeconds(100).toString());
        }
        call.json(200, body);
    }

    @Override
    public void rateLimited(Call call, int retryAfterSeconds) throws IOException {
        call.responseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        error(call, 429, "rate_limited", "Too many requests; retry after " + retryAfterSeconds + " s");
    }

    @Override
    public void failure(Call call, int status) throws IOException {
        error(call, status, status >= 500 ? "server_error" : "refused", "The sandbox was told to fail this");
    }

    private static void error(Call call, int status, String type, String message) throws IOException {
        ObjectNode body = Json.object();
        body.putObject("error").put("type", type).put("message", message);
        call.json(status, body);
    }
}
