package dev.tapedeck.sandbox;

import static dev.tapedeck.sandbox.Http.json;
import static dev.tapedeck.sandbox.Http.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.sandbox.kataven.KatavenApi;
import dev.tapedeck.sandbox.kataven.KatavenBehaviour;
import dev.tapedeck.sandbox.kataven.KatavenEmulator;
import dev.tapedeck.sandbox.kataven.KatavenSeed;
import dev.tapedeck.sandbox.spi.Emulation;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KatavenApiTest {

    final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T00:00:00Z"));
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.builder().clock(clock).setting("kataven", KatavenEmulator.READY_AFTER, "90")
                .setting("kataven", KatavenEmulator.READY_AFTER_POLLS, "2").threads(2).build());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Where the emulation is mounted; the API's documented paths sit below under /api/v1 (and /v1). */
    URI mount() {
        return sandbox.clientSettings("kataven").baseUrl().resolve("/kataven");
    }

    URI recording(String id) {
        return Http.uri(mount(), "/api/v1/sessions/" + id + "/recording");
    }

    HttpResponse<byte[]> get(String id) {
        return Http.get(recording(id), "Authorization", "Bearer " + sandbox.clientSettings("kataven").apiKey(), "X-Account-ID",
                sandbox.clientSettings("kataven").settings().get("account_id"));
    }

    static void assertPlain(HttpResponse<byte[]> response, int status, String body) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(text(response)).contains(body);
    }

    @Test
    void a_ready_recording_is_a_json_object_with_a_presigned_url_and_expires_at_five_minutes_out() {
        HttpResponse<byte[]> response = get(sandbox.emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.READY).id());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.isObject()).isTrue();
        URI url = URI.create(body.path("url").asText());
        assertThat(url.toString()).startsWith(sandbox.mediaBaseUrl().toString());
        assertThat(Instant.parse(body.path("expires_at").asText())).isEqualTo(clock.instant().plusSeconds(300));
        HttpResponse<byte[]> audio = Http.get(url);
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
    }

    @Test
    void some_ready_recordings_omit_expires_at() {
        JsonNode body = json(get(sandbox.emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.READY_WITHOUT_EXPIRY).id()));
        assertThat(body.path("url").isTextual()).isTrue();
        assertThat(body.has("expires_at")).isFalse();
    }

    @Test
    void missing_or_wrong_bearer_is_401_in_plain_text() {
        assertPlain(Http.get(recording("call_0001")), 401, "unauthorized");
        assertPlain(Http.get(recording("call_0001"), "Authorization", "Bearer eyJwrong", "X-Account-ID",
                sandbox.clientSettings("kataven").settings().get("account_id")), 401, "unauthorized");
        assertPlain(Http.get(recording("call_0001"), "Authorization", "Bearer sk_live_sandbox_wrong"), 401,
                "unauthorized");
    }

    @Test
    void a_token_without_x_account_id_is_400_and_a_bad_or_foreign_account_is_refused() {
        assertPlain(Http.get(recording("call_0001"), "Authorization", "Bearer " + sandbox.clientSettings("kataven").apiKey()), 400,
                "Missing X-Account-ID header");
        assertPlain(Http.get(recording("call_0001"), "Authorization", "Bearer " + sandbox.clientSettings("kataven").apiKey(),
                "X-Account-ID", "Not_Valid!"), 400, "X-Account-ID");
        assertPlain(Http.get(recording("call_0001"), "Authorization", "Bearer " + sandbox.clientSettings("kataven").apiKey(),
                "X-Account-ID", "kataven-admin"), 403, "forbidden");
        assertPlain(Http.get(recording("call_0001"), "Authorization", "Bearer " + sandbox.clientSettings("kataven").apiKey(),
                "X-Account-ID", "someone-else"), 403, "forbidden");
    }

    @Test
    void a_live_key_needs_no_x_account_id() {
        HttpResponse<byte[]> response = Http.get(recording("call_0001"), "Authorization",
                "Bearer " + sandbox.emulation("kataven", KatavenApi.class).liveKey());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void a_processing_recording_is_409_until_the_clock_passes_the_ready_time() {
        String id = sandbox.emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.PROCESSING_UNTIL_TIME).id();
        assertPlain(get(id), 409, "Recording not ready");
        clock.advance(Duration.ofSeconds(89));
        assertPlain(get(id), 409, "Recording not ready");
        clock.advance(Duration.ofSeconds(1));
        assertThat(get(id).statusCode()).isEqualTo(200);
    }

    @Test
    void a_poll_driven_recording_is_409_for_the_configured_number_of_polls_then_ready() {
        String id = sandbox.emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.PROCESSING_UNTIL_POLLS).id();
        assertPlain(get(id), 409, "Recording not ready");
        assertPlain(get(id), 409, "Recording not ready");
        assertThat(get(id).statusCode()).isEqualTo(200);
        assertThat(sandbox.emulation("kataven", KatavenApi.class).polls(id)).isEqualTo(3);
    }

    @Test
    void designated_calls_answer_404_503_and_500_in_plain_text() {
        assertPlain(get(sandbox.emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.NO_RECORDING).id()), 404,
                "No recording for this session");
        assertPlain(get(sandbox.emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.NOT_CONFIGURED).id()), 503,
                "Recording playback not configured");
        assertPlain(get(sandbox.emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.INTERNAL_ERROR).id()), 500, "Internal error");
        assertPlain(get("call_9999"), 404, "No recording");
    }

    @Test
    void the_seeded_session_ids_name_the_ready_pending_and_empty_calls_and_none_that_always_fails() {
        java.util.List<String> ids = sandbox.emulation("kataven", Emulation.class).seededSessionIds();

        assertThat(ids).hasSize(KatavenSeed.CALLS - 2).doesNotHaveDuplicates();
        assertThat(ids).extracting(id -> get(id).statusCode()).containsOnly(200, 409, 404).contains(200, 409, 404);
    }

    @Test
    void the_same_endpoint_answers_under_the_v1_prefix_too() {
        HttpResponse<byte[]> response = Http.get(Http.uri(mount(), "/v1/sessions/call_0001/recording"),
                "Authorization", "Bearer " + sandbox.emulation("kataven", KatavenApi.class).liveKey());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("url").isTextual()).isTrue();
        assertPlain(Http.get(Http.uri(mount(), "/v2/sessions/call_0001/recording"),
                "Authorization", "Bearer " + sandbox.emulation("kataven", KatavenApi.class).liveKey()), 404, "not found");
    }

    @Test
    void a_rate_limited_answer_is_429_with_retry_after_seconds_and_a_text_body() {
        sandbox.faults().rateLimitNext(2, 3);
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> limited = get("call_0001");
            assertPlain(limited, 429, "rate_limited");
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
        }
        assertThat(get("call_0001").statusCode()).isEqualTo(200);
    }

    @Test
    void sixty_requests_a_minute_are_answered_and_the_next_is_429_until_the_oldest_leaves_the_minute() {
        for (int i = 0; i < 30; i++) {
            assertThat(get("call_0001").statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(20));
        for (int i = 0; i < 30; i++) {
            assertThat(get("call_0010").statusCode()).isEqualTo(404); // answered, so counted
        }

        HttpResponse<byte[]> refused = get("call_0001");
        assertPlain(refused, 429, "rate_limited: per-minute (60) exceeded");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("40");
        clock.advance(Duration.ofSeconds(39));
        assertThat(get("call_0001").statusCode()).isEqualTo(429);
        assertThat(get("call_0001").headers().firstValue("Retry-After")).hasValue("1");
        clock.advance(Duration.ofSeconds(1)); // the first thirty leave the minute
        for (int i = 0; i < 30; i++) {
            assertThat(get("call_0001").statusCode()).isEqualTo(200);
        }
        assertThat(get("call_0001").headers().firstValue("Retry-After")).hasValue("20");
        assertThat(sandbox.emulation("kataven", KatavenApi.class).rateLimitedAnswers()).isEqualTo(4);
    }

    @Test
    void the_limit_and_the_number_of_calls_are_settings() {
        sandbox.close();
        sandbox = Sandbox.start(SandboxOptions.builder().clock(clock).threads(2)
                .setting("kataven", KatavenEmulator.REQUESTS_PER_MINUTE, "0")
                .setting("kataven", KatavenEmulator.CALLS, "100").build());

        for (int i = 1; i <= 100; i++) {
            assertThat(get(String.format("call_%04d", i)).statusCode()).as("call %d", i).isEqualTo(
                    i <= 6 || i > 12 ? 200 : i == 9 || i == 7 || i == 8 ? 409 : i == 10 ? 404 : i == 11 ? 503 : 500);
        }
        assertThat(get("call_0101").statusCode()).isEqualTo(404);
        assertThat(sandbox.emulation("kataven", KatavenApi.class).rateLimitedAnswers()).isZero();
    }
}
