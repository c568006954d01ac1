package dev.tapedeck.sandbox;

import static dev.tapedeck.sandbox.Http.ARRAY_OR_NULL;
import static dev.tapedeck.sandbox.Http.BOOLEAN;
import static dev.tapedeck.sandbox.Http.NUMBER;
import static dev.tapedeck.sandbox.Http.NUMBER_OR_NULL;
import static dev.tapedeck.sandbox.Http.NUMBER_OR_STRING;
import static dev.tapedeck.sandbox.Http.OBJECT;
import static dev.tapedeck.sandbox.Http.STRING;
import static dev.tapedeck.sandbox.Http.STRING_OR_NULL;
import static dev.tapedeck.sandbox.Http.assertTypes;
import static dev.tapedeck.sandbox.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.sandbox.anchor.AnchorEmulator;
import dev.tapedeck.sandbox.spi.SandboxScenario;
import dev.tapedeck.sandbox.anchor.AnchorApi;
import dev.tapedeck.sandbox.anchor.AnchorRecording;
import dev.tapedeck.sandbox.anchor.AnchorSeed;
import dev.tapedeck.sandbox.anchor.AnchorSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnchorApiTest {

    static Sandbox sandbox;
    static String key;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.builder().clock(new ManualClock(Instant.parse("2026-03-10T00:00:00Z")))
                .scenario(SandboxScenario.HOSTILE).build());
        key = sandbox.clientSettings("anchor").apiKey();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static HttpResponse<byte[]> get(String pathAndQuery) {
        return Http.get(Http.uri(sandbox.clientSettings("anchor").baseUrl(), pathAndQuery), "anchor-api-key", key);
    }

    static HttpResponse<byte[]> post(String path) {
        return Http.send("POST", Http.uri(sandbox.clientSettings("anchor").baseUrl(), path), "anchor-api-key", key);
    }

    static List<JsonNode> sessions(String query) {
        HttpResponse<byte[]> response = get("/v1/sessions?" + query);
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        return StreamSupport.stream(json(response).path("data").path("sessions").spliterator(), false)
                .collect(Collectors.toList());
    }

    static List<JsonNode> allSessions(String query) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<JsonNode> batch = sessions("limit=50&page=" + page + (query.isEmpty() ? "" : "&" + query));
            all.addAll(batch);
            if (batch.size() < 50) {
                return all;
            }
        }
    }

    static void assertAnchorError(HttpResponse<byte[]> response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").isInt()).isTrue();
        assertThat(error.path("code").asInt()).isEqualTo(status);
        assertThat(error.path("message").asText()).contains(message);
    }

    @Test
    void requests_without_or_with_a_wrong_key_get_401_with_the_error_response_shape() {
        assertAnchorError(Http.get(Http.uri(sandbox.clientSettings("anchor").baseUrl(), "/v1/sessions")), 401, "Invalid API Key");
        assertAnchorError(Http.get(Http.uri(sandbox.clientSettings("anchor").baseUrl(), "/v1/sessions"), "anchor-api-key", "nope"), 401,
                "Invalid API Key");
        assertAnchorError(Http.get(Http.uri(sandbox.clientSettings("anchor").baseUrl(), "/v1/sessions"), "Authorization",
                "Bearer " + key), 401, "Invalid API Key");
    }

    @Test
    void history_defaults_to_page_1_of_10_sorted_by_creation_ascending_with_the_page_response_shape() {
        JsonNode body = json(get("/v1/sessions"));
        JsonNode data = body.path("data");
        assertTypes(data, Map.of("sessions", Http.ARRAY, "total", NUMBER, "page", NUMBER, "total_pages", NUMBER));
        assertThat(data.path("total").asInt()).isEqualTo(AnchorSeed.SESSIONS);
        assertThat(data.path("page").asInt()).isEqualTo(1);
        assertThat(data.path("total_pages").asInt()).isEqualTo(13);
        assertThat(data.path("sessions")).hasSize(10);
        assertThat(data.path("sessions").get(0).path("id").asText()).isEqualTo("sess_0001");
        assertThat(data.path("sessions").get(9).path("id").asText()).isEqualTo("sess_0010");
    }

    @Test
    void every_history_item_has_the_documented_fields_and_types() {
        List<JsonNode> all = allSessions("");
        assertThat(all).hasSize(AnchorSeed.SESSIONS);
        for (JsonNode item : all) {
            assertTypes(item, Map.ofEntries(Map.entry("id", STRING), Map.entry("status", STRING),
                    Map.entry("tags", ARRAY_OR_NULL), Map.entry("headless", BOOLEAN), Map.entry("recording", BOOLEAN),
                    Map.entry("used_credits", NUMBER_OR_STRING), Map.entry("proxy_bytes", NUMBER_OR_NULL),
                    Map.entry("proxy_type", STRING_OR_NULL), Map.entry("steps", NUMBER_OR_NULL),
                    Map.entry("duration", NUMBER_OR_NULL), Map.entry("created_at", STRING),
                    Map.entry("user_configuration", OBJECT), Map.entry("task_initiated", BOOLEAN),
                    Map.entry("task_executions_count", NUMBER), Map.entry("api_key_name", STRING),
                    Map.entry("browser_ip", STRING_OR_NULL), Map.entry("domains", ARRAY_OR_NULL)));
            JsonNode credits = item.path("used_credits");
            if (credits.isTextual()) {
                assertThat(credits.asText()).matches("^-?\\d+(\\.\\d+)?$|^N/A$");
            }
            assertThat(Instant.parse(item.path("created_at").asText())).isNotNull();
        }
        assertThat(all).anyMatch(i -> i.path("used_credits").isNumber())
                .anyMatch(i -> i.path("used_credits").isTextual() && i.path("used_credits").asText().equals("N/A"))
                .anyMatch(i -> i.path("used_credits").isTextual() && !i.path("used_credits").asText().equals("N/A"));
        for (String nullable : List.of("tags", "domains", "proxy_bytes", "proxy_type", "steps", "duration",
                "browser_ip")) {
            assertThat(all).as(nullable).anyMatch(i -> i.path(nullable).isNull())
                    .anyMatch(i -> !i.path(nullable).isNull());
        }
        Set<String> statuses = all.stream().map(i -> i.path("status").asText()).collect(Collectors.toSet());
        assertThat(statuses).contains("completed", "running", "failed", "timed_out");
    }

    @Test
    void limit_accepts_only_10_20_and_50_and_pages_walk_past_two_pages_of_50() {
        assertThat(sessions("limit=20")).hasSize(20);
        JsonNode third = json(get("/v1/sessions?limit=50&page=3")).path("data");
        assertThat(third.path("total_pages").asInt()).isEqualTo(3);
        assertThat(third.path("sessions")).hasSize(AnchorSeed.SESSIONS - 100);
        assertThat(sessions("limit=50&page=4")).isEmpty();
        assertAnchorError(get("/v1/sessions?limit=15"), 400, "limit");
        assertAnchorError(get("/v1/sessions?limit=100"), 400, "limit");
        assertAnchorError(get("/v1/sessions?page=0"), 400, "page");
        assertAnchorError(get("/v1/sessions?page=abc"), 400, "page");
    }

    @Test
    void sort_by_and_sort_order_reorder_and_unknown_values_are_400() {
        assertThat(sessions("sort_by=session_id&sort_order=desc").get(0).path("id").asText()).isEqualTo("sess_0125");
        assertThat(sessions("sort_order=desc").get(0).path("id").asText()).isEqualTo("sess_0125");
        List<JsonNode> byCredits = allSessions("sort_by=used_credits&sort_order=desc");
        List<Double> amounts = byCredits.stream().filter(i -> !i.path("used_credits").asText().equals("N/A"))
                .map(i -> i.path("used_credits").asDouble()).collect(Collectors.toList());
        assertThat(amounts).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(sessions("sort_by=api_key_name").get(0).path("api_key_name").asText()).isEqualTo("ci-pipeline");
        assertAnchorError(get("/v1/sessions?sort_by=colour"), 400, "sort_by");
        assertAnchorError(get("/v1/sessions?sort_order=sideways"), 400, "sort_order");
    }

    @Test
    void status_tags_domains_and_search_filter_with_all_terms_required() {
        assertThat(allSessions("status=running")).isNotEmpty()
                .allMatch(i -> i.path("status").asText().equals("running"));
        List<JsonNode> tagged = allSessions("tags=production,scraping");
        assertThat(tagged).isNotEmpty().allMatch(i -> tags(i, "tags").containsAll(List.of("production", "scraping")));
        long expected = sandbox.emulation("anchor", AnchorApi.class).seed().sessions().stream().filter(s -> s.tags().map(
                t -> t.containsAll(List.of("production", "scraping"))).orElse(false)).count();
        assertThat(tagged).hasSize((int) expected);
        List<JsonNode> domains = allSessions("domains=github.com,www.linkedin.com");
        assertThat(domains).isNotEmpty()
                .allMatch(i -> tags(i, "domains").containsAll(List.of("github.com", "www.linkedin.com")));
        List<JsonNode> searched = allSessions("search=PROD,scrap");
        assertThat(searched).isNotEmpty().allMatch(i -> tags(i, "tags").stream().anyMatch(t -> t.contains("prod"))
                && tags(i, "tags").stream().anyMatch(t -> t.contains("scrap")));
        assertThat(allSessions("tags=production,no-such-tag")).isEmpty();
    }

    @Test
    void created_from_and_created_to_bound_the_creation_time_inclusively() {
        AnchorSession tenth = sandbox.emulation("anchor", AnchorApi.class).seed().session("sess_0010").orElseThrow();
        AnchorSession twentieth = sandbox.emulation("anchor", AnchorApi.class).seed().session("sess_0020").orElseThrow();
        List<JsonNode> window = allSessions("created_from=" + tenth.createdAt() + "&created_to="
                + twentieth.createdAt());
        assertThat(window).extracting(i -> i.path("id").asText()).first().isEqualTo("sess_0010");
        assertThat(window).hasSize(11).last().satisfies(i -> assertThat(i.path("id").asText()).isEqualTo("sess_0020"));
        assertThat(allSessions("created_from=2026-01-06T08:00:00%2B00:00")).hasSizeLessThan(AnchorSeed.SESSIONS);
        assertAnchorError(get("/v1/sessions?created_from=yesterday"), 400, "created_from");
    }

    @Test
    void batch_task_playground_proxy_stealth_and_profile_filters_match_the_seeded_values() {
        assertFilter("batch_id=batch_02", s -> s.batchId().filter("batch_02"::equals).isPresent());
        assertFilter("task_initiated=true", AnchorSession::taskInitiated);
        assertFilter("task_initiated=false", s -> !s.taskInitiated());
        assertFilter("playground=true", AnchorSession::playground);
        assertFilter("proxy=true", s -> s.proxyType().isPresent());
        assertFilter("proxy=false", s -> s.proxyType().isEmpty());
        assertFilter("extra_stealth=true", AnchorSession::extraStealth);
        assertFilter("profile_name=default", s -> s.profileName().filter("Default profile"::equals).isPresent());
        assertThat(allSessions("proxy=true")).allMatch(i -> !i.path("proxy_type").isNull());
        assertAnchorError(get("/v1/sessions?proxy=maybe"), 400, "proxy");
    }

    private static void assertFilter(String query, java.util.function.Predicate<AnchorSession> expected) {
        Set<String> want = sandbox.emulation("anchor", AnchorApi.class).seed().sessions().stream().filter(expected).map(AnchorSession::id)
                .collect(Collectors.toSet());
        assertThat(want).as(query).isNotEmpty();
        assertThat(allSessions(query).stream().map(i -> i.path("id").asText()).collect(Collectors.toSet()))
                .as(query).isEqualTo(want);
    }

    private static List<String> tags(JsonNode item, String field) {
        List<String> values = new ArrayList<>();
        item.path(field).forEach(v -> values.add(v.asText().toLowerCase()));
        return values;
    }

    @Test
    void one_session_is_returned_under_data_with_its_fields() {
        JsonNode data = json(get("/v1/sessions/sess_0001")).path("data");
        assertTypes(data, Map.of("session_id", STRING, "status", STRING, "duration", NUMBER_OR_NULL,
                "credits_used", NUMBER_OR_NULL, "tags", ARRAY_OR_NULL, "created_at", STRING, "configuration", OBJECT,
                "playground", BOOLEAN, "tokens", OBJECT));
        assertThat(data.path("session_id").asText()).isEqualTo("sess_0001");
        assertAnchorError(get("/v1/sessions/sess_9999"), 404, "Session not found");
    }

    @Test
    void recordings_list_has_count_and_items_with_a_presigned_file_link_on_the_media_origin() {
        JsonNode data = json(get("/v1/sessions/sess_0002/recordings")).path("data");
        assertThat(data.path("count").asInt()).isEqualTo(3);
        List<JsonNode> items = new ArrayList<>();
        data.path("items").forEach(items::add);
        assertThat(items).hasSize(3);
        for (JsonNode item : items) {
            assertTypes(item, Map.of("id", STRING, "is_primary", BOOLEAN, "file_link", STRING,
                    "suggested_file_name", STRING, "duration", STRING, "size", NUMBER, "created_at", STRING));
            URI link = URI.create(item.path("file_link").asText());
            assertThat(link.getScheme() + "://" + link.getAuthority()).isEqualTo(sandbox.mediaBaseUrl().toString());
            assertThat(link.getQuery()).matches("expires=\\d+&signature=[0-9a-f]{64}");
        }
        assertThat(items).filteredOn(i -> i.path("is_primary").asBoolean()).hasSize(1).first()
                .satisfies(p -> assertThat(p.path("suggested_file_name").asText()).isEqualTo("../../evil.mp4"));
        HttpResponse<byte[]> media = Http.get(URI.create(items.get(1).path("file_link").asText()));
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat((long) media.body().length).isEqualTo(items.get(1).path("size").asLong());
    }

    @Test
    void recordings_list_is_empty_for_a_session_without_recordings_and_404_when_recording_was_disabled() {
        assertThat(json(get("/v1/sessions/" + sandbox.emulation("anchor", AnchorApi.class).seed().withoutRecordings().id() + "/recordings"))
                .path("data").path("count").asInt()).isZero();
        assertAnchorError(get("/v1/sessions/" + sandbox.emulation("anchor", AnchorApi.class).seed().recordingDisabled().id() + "/recordings"), 404,
                "Session recordings not found");
        assertAnchorError(get("/v1/sessions/sess_9999/recordings"), 404, "Session not found");
    }

    @Test
    void primary_fetch_streams_the_mp4_with_range_support_and_404_before_a_recording_exists() throws IOException {
        HttpResponse<byte[]> whole = get("/v1/sessions/sess_0001/recordings/primary/fetch");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(whole.body()).isEqualTo(resource("sample.mp4"));
        HttpResponse<byte[]> part = Http.get(Http.uri(sandbox.clientSettings("anchor").baseUrl(),
                "/v1/sessions/sess_0001/recordings/primary/fetch"), "anchor-api-key", key, "Range", "bytes=4-11");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(new String(part.body(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftypisom");
        assertAnchorError(get("/v1/sessions/" + sandbox.emulation("anchor", AnchorApi.class).seed().running().id() + "/recordings/primary/fetch"),
                404, "Recording not found");
        assertAnchorError(get("/v1/sessions/" + sandbox.emulation("anchor", AnchorApi.class).seed().recordingDisabled().id()
                + "/recordings/primary/fetch"), 404, "Recording not found");
    }

    @Test
    void the_large_recording_is_a_generated_stream_of_the_configured_size() {
        AnchorSession large = sandbox.emulation("anchor", AnchorApi.class).seed().withLargeRecording();
        HttpResponse<byte[]> response = Http.get(Http.uri(sandbox.clientSettings("anchor").baseUrl(), "/v1/sessions/" + large.id()
                + "/recordings/primary/fetch"), "anchor-api-key", key, "Range", "bytes=1000000-1000099");
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("Content-Range"))
                .hasValue("bytes 1000000-1000099/" + AnchorEmulator.DEFAULT_LARGE_RECORDING_BYTES);
        byte[] expected = new byte[100];
        GeneratedBytes.fill(1_000_000, expected, 0, 100);
        assertThat(response.body()).isEqualTo(expected);
    }

    @Test
    void pause_and_resume_keep_state_are_idempotent_and_use_the_documented_nested_shapes() {
        String running = sandbox.emulation("anchor", AnchorApi.class).seed().running().id();
        HttpResponse<byte[]> paused = post("/v1/sessions/" + running + "/recordings/pause");
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(json(paused).path("data").path("data").path("status").asText()).isEqualTo("paused");
        assertThat(sandbox.emulation("anchor", AnchorApi.class).isPaused(running)).isTrue();
        assertThat(post("/v1/sessions/" + running + "/recordings/pause").statusCode()).isEqualTo(200);
        assertThat(sandbox.emulation("anchor", AnchorApi.class).isPaused(running)).isTrue();
        HttpResponse<byte[]> resumed = post("/v1/sessions/" + running + "/recordings/resume");
        assertThat(json(resumed).path("data").path("data").path("status").asText()).isEqualTo("recording");
        assertThat(sandbox.emulation("anchor", AnchorApi.class).isPaused(running)).isFalse();

        HttpResponse<byte[]> completed = post("/v1/sessions/sess_0001/recordings/pause");
        assertThat(completed.statusCode()).isEqualTo(500);
        assertThat(json(completed).path("error").path("error").path("message").asText())
                .isEqualTo("Failed to pause recording");
        HttpResponse<byte[]> unknown = post("/v1/sessions/sess_9999/recordings/resume");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").path("error").path("code").asInt()).isEqualTo(404);
        HttpResponse<byte[]> anonymous = Http.send("POST", Http.uri(sandbox.clientSettings("anchor").baseUrl(), "/v1/sessions/"
                + running + "/recordings/pause"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).path("error").path("error").path("message").asText()).isEqualTo("Invalid API Key");
        assertThat(get("/v1/sessions/" + running + "/recordings/pause").statusCode()).isEqualTo(405);
    }

    @Test
    void a_recording_file_link_needs_no_credentials_and_the_media_origin_sees_none() {
        sandbox.counters().reset();
        JsonNode item = json(get("/v1/sessions/sess_0001/recordings")).path("data").path("items").get(0);
        assertThat(Http.get(URI.create(item.path("file_link").asText())).statusCode()).isEqualTo(200);
        assertThat(sandbox.counters().requests("media")).isEqualTo(1);
        assertThat(sandbox.counters().credentialHeadersSeen("media")).isZero();
        assertThat(sandbox.counters().credentialHeadersSeen("anchor")).isEqualTo(1);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = AnchorApiTest.class.getResourceAsStream("/dev/tapedeck/sandbox/media/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void the_seeded_recordings_include_unsafe_file_names_and_several_per_session() {
        Set<String> names = new HashSet<>();
        sandbox.emulation("anchor", AnchorApi.class).seed().sessions().forEach(s -> s.recordings().forEach(r -> names.add(r.suggestedFileName())));
        assertThat(names).contains("../../evil.mp4", "/etc/cron.d/evil.mp4");
        assertThat(sandbox.emulation("anchor", AnchorApi.class).seed().sessions()).filteredOn(s -> s.recordings().size() > 1).hasSizeGreaterThan(5)
                .allMatch(s -> s.recordings().stream().filter(AnchorRecording::primary).count() == 1);
    }
}
