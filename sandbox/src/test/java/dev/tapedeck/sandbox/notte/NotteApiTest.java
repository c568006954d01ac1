package dev.tapedeck.sandbox;

import static dev.tapedeck.sandbox.Http.BOOLEAN;
import static dev.tapedeck.sandbox.Http.NUMBER;
import static dev.tapedeck.sandbox.Http.NUMBER_OR_NULL;
import static dev.tapedeck.sandbox.Http.STRING;
import static dev.tapedeck.sandbox.Http.STRING_OR_NULL;
import static dev.tapedeck.sandbox.Http.assertTypes;
import static dev.tapedeck.sandbox.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.sandbox.notte.NotteApi;
import dev.tapedeck.sandbox.notte.NotteEmulator;
import dev.tapedeck.sandbox.notte.NotteReplay;
import dev.tapedeck.sandbox.notte.NotteSeed;
import dev.tapedeck.sandbox.notte.NotteSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotteApiTest {

    final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T00:00:00Z"));
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.builder().clock(clock).setting("notte", NotteEmulator.CLOSE_AFTER, String.valueOf(Duration.ofMinutes(2)))
                .threads(2).build());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    HttpResponse<byte[]> get(String pathAndQuery) {
        return Http.get(Http.uri(sandbox.clientSettings("notte").baseUrl(), pathAndQuery), "Authorization",
                "Bearer " + sandbox.clientSettings("notte").apiKey());
    }

    List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    @Test
    void requests_without_a_valid_bearer_get_401_with_message_and_detail() {
        for (HttpResponse<byte[]> response : List.of(Http.get(Http.uri(sandbox.clientSettings("notte").baseUrl(), "/sessions")),
                Http.get(Http.uri(sandbox.clientSettings("notte").baseUrl(), "/sessions"), "Authorization", "Bearer wrong"),
                Http.get(Http.uri(sandbox.clientSettings("notte").baseUrl(), "/sessions"), "anchor-api-key", sandbox.clientSettings("notte").apiKey()))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertTypes(json(response), Map.of("message", STRING, "detail", STRING));
        }
    }

    @Test
    void the_list_defaults_to_active_sessions_only_with_the_page_envelope() {
        JsonNode page = json(get("/sessions"));
        assertTypes(page, Map.of("items", Http.ARRAY, "page", NUMBER, "page_size", NUMBER, "has_next", BOOLEAN,
                "has_previous", BOOLEAN));
        assertThat(page.path("page_size").asInt()).isEqualTo(10);
        assertThat(items(page)).hasSize(NotteSeed.ACTIVE).allMatch(i -> i.path("status").asText().equals("active"));
        for (JsonNode item : items(page)) {
            assertTypes(item, Map.of("session_id", STRING, "status", STRING, "created_at", STRING,
                    "closed_at", STRING_OR_NULL, "duration", STRING_OR_NULL, "last_accessed_at", STRING,
                    "idle_timeout_minutes", NUMBER));
            assertThat(item.path("closed_at").isNull()).isTrue();
        }
    }

    @Test
    void only_active_false_pages_through_the_whole_history_newest_first() {
        List<JsonNode> all = new ArrayList<>();
        JsonNode page;
        int number = 1;
        do {
            page = json(get("/sessions?only_active=false&page_size=7&page=" + number));
            assertThat(page.path("has_previous").asBoolean()).isEqualTo(number > 1);
            all.addAll(items(page));
            number++;
        } while (page.path("has_next").asBoolean());
        assertThat(all).hasSize(NotteSeed.SESSIONS);
        assertThat(all).extracting(i -> i.path("status").asText()).contains("active", "closed", "error", "timed_out");
        List<Instant> created = new ArrayList<>();
        all.forEach(i -> created.add(parseLenient(i.path("created_at").asText())));
        assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(all).anyMatch(i -> !i.path("created_at").asText().endsWith("+00:00"))
                .anyMatch(i -> i.path("created_at").asText().endsWith("+00:00"));
        all.stream().filter(i -> !i.path("duration").isNull())
                .forEach(i -> assertThat(Duration.parse(i.path("duration").asText())).isPositive());
    }

    static Instant parseLenient(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
        }
    }

    @Test
    void invalid_paging_answers_422_with_a_detail_list() {
        for (String query : List.of("page_size=0", "page_size=101", "page=0", "page_size=ten", "only_active=maybe")) {
            HttpResponse<byte[]> response = get("/sessions?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(422);
            JsonNode detail = json(response).path("detail");
            assertThat(detail.isArray()).isTrue();
            assertThat(detail).isNotEmpty();
            JsonNode first = detail.get(0);
            assertTypes(first, Map.of("loc", Http.ARRAY, "msg", STRING, "type", STRING));
            assertThat(first.path("loc").get(0).asText()).isEqualTo("query");
        }
        assertThat(get("/sessions?page_size=100").statusCode()).isEqualTo(200);
        assertThat(get("/sessions?page_size=1").statusCode()).isEqualTo(200);
    }

    @Test
    void replay_is_404_still_active_until_the_session_closes_then_404_while_it_is_finalised_then_200() {
        NotteSession active = sandbox.emulation("notte", NotteApi.class).seed().active();
        HttpResponse<byte[]> early = get("/sessions/" + active.id() + "/replay");
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(json(early).path("message").asText()).contains("still active");
        assertThat(json(get("/sessions/" + active.id())).path("status").asText()).isEqualTo("active");

        clock.advance(Duration.ofMinutes(2));
        HttpResponse<byte[]> finalising = get("/sessions/" + active.id() + "/replay");
        assertThat(finalising.statusCode()).isEqualTo(404);
        assertThat(json(finalising).path("message").asText()).contains("not found").doesNotContain("active");
        assertThat(json(get("/sessions/" + active.id())).path("status").asText()).isEqualTo("closed");

        clock.advance(NotteEmulator.DEFAULT_FINALISE_AFTER.minusMillis(1));
        assertThat(get("/sessions/" + active.id() + "/replay").statusCode()).isEqualTo(404);
        clock.advance(Duration.ofMillis(1));
        HttpResponse<byte[]> later = get("/sessions/" + active.id() + "/replay");
        assertThat(later.statusCode()).isEqualTo(200);
        JsonNode session = json(get("/sessions/" + active.id()));
        assertThat(session.path("status").asText()).isEqualTo("closed");
        assertThat(session.path("closed_at").isNull()).isFalse();
        assertThat(items(json(get("/sessions")))).isEmpty();
    }

    @Test
    void a_closed_replay_has_a_presigned_mp4_url_and_a_playlist_of_presigned_segments_on_the_media_origin() {
        JsonNode replay = json(get("/sessions/" + sandbox.emulation("notte", NotteApi.class).seed().closedWithMp4().id() + "/replay"));
        assertTypes(replay, Map.of("playlist_content", STRING_OR_NULL, "mp4_url", STRING_OR_NULL,
                "expires_at", STRING, "video_start_ms", NUMBER_OR_NULL, "video_duration_ms", NUMBER_OR_NULL));
        URI mp4 = URI.create(replay.path("mp4_url").asText());
        assertThat(mp4.toString()).startsWith(sandbox.mediaBaseUrl().toString());
        assertThat(mp4.getQuery()).contains("expires=").contains("signature=");
        assertThat(Http.get(mp4).statusCode()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(replay.path("expires_at").asText()).toInstant())
                .isEqualTo(clock.instant().plus(sandbox.options().presignTtl()));
        String playlist = replay.path("playlist_content").asText();
        assertThat(playlist).startsWith("#EXTM3U").contains("#EXTINF").contains("#EXT-X-ENDLIST");
        List<String> segments = playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(segments).hasSize(3);
        for (String segment : segments) {
            assertThat(segment).startsWith(sandbox.mediaBaseUrl().toString()).contains("signature=");
            HttpResponse<byte[]> ts = Http.get(URI.create(segment));
            assertThat(ts.statusCode()).isEqualTo(200);
            assertThat(ts.body()[0]).isEqualTo((byte) 0x47);
        }
    }

    @Test
    void hls_only_replays_have_a_null_mp4_url_and_some_a_null_expiry() {
        JsonNode hls = json(get("/sessions/" + sandbox.emulation("notte", NotteApi.class).seed().hlsOnly().id() + "/replay"));
        assertThat(hls.path("mp4_url").isNull()).isTrue();
        assertThat(hls.path("playlist_content").asText()).contains("#EXTM3U");
        assertThat(hls.path("expires_at").isTextual()).isTrue();
        JsonNode noExpiry = json(get("/sessions/" + sandbox.emulation("notte", NotteApi.class).seed().hlsOnlyWithoutExpiry().id() + "/replay"));
        assertThat(noExpiry.path("mp4_url").isNull()).isTrue();
        assertThat(noExpiry.path("expires_at").isNull()).isTrue();
        NotteSession mp4Only = sandbox.emulation("notte", NotteApi.class).seed().sessions().stream()
                .filter(s -> s.replay() == NotteReplay.MP4_ONLY && !s.seededActive()).findFirst().orElseThrow();
        JsonNode onlyMp4 = json(get("/sessions/" + mp4Only.id() + "/replay"));
        assertThat(onlyMp4.path("playlist_content").isNull()).isTrue();
        assertThat(onlyMp4.path("mp4_url").isTextual()).isTrue();
    }

    @Test
    void with_the_setting_a_replay_without_expiry_names_its_segments_relative_to_the_replay_and_serves_them_beside_it() {
        String absolute = json(get("/sessions/" + sandbox.emulation("notte", NotteApi.class).seed()
                .hlsOnlyWithoutExpiry().id() + "/replay")).path("playlist_content").asText();
        assertThat(absolute).contains(sandbox.mediaBaseUrl().toString()).doesNotContain("replay/segment");
        sandbox.close();
        sandbox = Sandbox.start(SandboxOptions.builder().clock(clock).setting("notte", NotteEmulator.RELATIVE_SEGMENTS,
                "true").threads(2).build());
        NotteSession session = sandbox.emulation("notte", NotteApi.class).seed().hlsOnlyWithoutExpiry();
        String playlist = json(get("/sessions/" + session.id() + "/replay")).path("playlist_content").asText();

        List<String> segments = playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(segments).containsExactly("replay/segment0.ts", "replay/segment1.ts", "replay/segment2.ts");
        URI replayUrl = URI.create(sandbox.clientSettings("notte").baseUrl() + "/sessions/" + session.id() + "/replay");
        for (int i = 0; i < segments.size(); i++) {
            HttpResponse<byte[]> ts = Http.get(replayUrl.resolve(segments.get(i)));
            assertThat(ts.statusCode()).isEqualTo(200);
            assertThat(ts.body()[0]).isEqualTo((byte) 0x47);
        }
        assertThat(Http.get(replayUrl.resolve("replay/segment9.ts")).statusCode()).isEqualTo(404);
        String other = sandbox.emulation("notte", NotteApi.class).seed().hlsOnly().id();
        assertThat(get("/sessions/" + other + "/replay/segment0.ts").statusCode()).isEqualTo(404);
    }

    @Test
    void sessions_that_ended_in_error_have_no_replay_and_unknown_sessions_are_404() {
        HttpResponse<byte[]> none = get("/sessions/" + sandbox.emulation("notte", NotteApi.class).seed().withoutReplay().id() + "/replay");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(json(none).path("message").asText()).doesNotContain("still active");
        HttpResponse<byte[]> unknown = get("/sessions/nsess_9999/replay");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertTypes(json(unknown), Map.of("message", STRING, "detail", STRING));
    }

    @Test
    void timestamps_of_some_sessions_carry_no_zone_offset() {
        NotteSession session = sandbox.emulation("notte", NotteApi.class).seed().withoutOffset();
        JsonNode item = json(get("/sessions/" + session.id()));
        String created = item.path("created_at").asText();
        assertThat(created).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(LocalDateTime.parse(created).toInstant(java.time.ZoneOffset.UTC))
                .isEqualTo(session.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void a_rate_limited_answer_carries_x_ratelimit_reset_and_no_retry_after() {
        sandbox.faults().rateLimitNext(1, 7);
        HttpResponse<byte[]> limited = get("/sessions");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
        assertThat(limited.headers().firstValue("X-RateLimit-Reset"))
                .hasValue(Long.toString(clock.instant().getEpochSecond() + 7));
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(json(limited).path("message").asText()).isEqualTo("Rate limit exceeded");
        assertThat(get("/sessions").statusCode()).isEqualTo(200);
    }
}
