package dev.tapedeck.sandbox;

import dev.tapedeck.sandbox.spi.MediaPaths;
import static dev.tapedeck.sandbox.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapedeck.sandbox.kataven.KatavenApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {

    final RecordingPauser pauser = new RecordingPauser();
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.builder().pauser(pauser).threads(4)
                .clock(new ManualClock(Instant.parse("2026-03-10T00:00:00Z"))).build());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    HttpResponse<byte[]> anchor(String path) {
        return Http.get(Http.uri(sandbox.clientSettings("anchor").baseUrl(), path), "anchor-api-key", sandbox.clientSettings("anchor").apiKey());
    }

    @Test
    void rate_limit_next_answers_429_with_retry_after_for_exactly_n_requests() {
        sandbox.faults().rateLimitNext(2, 4);
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> limited = anchor("/v1/sessions");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("4");
            assertThat(json(limited).path("error").path("code").asInt()).isEqualTo(429);
        }
        assertThat(anchor("/v1/sessions").statusCode()).isEqualTo(200);
        assertThat(sandbox.faults().pending(Origin.API)).isZero();
    }

    @Test
    void latency_is_requested_from_the_pauser_for_the_next_n_requests_of_its_origin_only() {
        sandbox.faults().latencyNext(Origin.MEDIA, 2, Duration.ofMillis(750));
        assertThat(anchor("/v1/sessions").statusCode()).isEqualTo(200);
        assertThat(pauser.pauses()).isEmpty();
        URI media = sandbox.presignedMediaUrl(MediaPaths.CALL_MP3);
        for (int i = 0; i < 3; i++) {
            assertThat(Http.get(media).statusCode()).isEqualTo(200);
        }
        assertThat(pauser.pauses()).containsExactly(Duration.ofMillis(750), Duration.ofMillis(750));
    }

    @Test
    void fail_next_answers_the_status_in_each_providers_error_style() {
        sandbox.faults().failNext(Origin.API, 3, 503);
        HttpResponse<byte[]> anchor = anchor("/v1/sessions");
        assertThat(anchor.statusCode()).isEqualTo(503);
        assertThat(json(anchor).path("error").path("code").asInt()).isEqualTo(503);
        HttpResponse<byte[]> notte = Http.get(Http.uri(sandbox.clientSettings("notte").baseUrl(), "/sessions"), "Authorization",
                "Bearer " + sandbox.clientSettings("notte").apiKey());
        assertThat(notte.statusCode()).isEqualTo(503);
        assertThat(json(notte).has("message")).isTrue();
        HttpResponse<byte[]> kataven = Http.get(Http.uri(sandbox.clientSettings("kataven").baseUrl(), "/sessions/call_0001/recording"),
                "Authorization", "Bearer " + sandbox.emulation("kataven", KatavenApi.class).liveKey());
        assertThat(kataven.statusCode()).isEqualTo(503);
        assertThat(kataven.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(anchor("/v1/sessions").statusCode()).isEqualTo(200);
        sandbox.faults().failNext(Origin.MEDIA, 1, 500);
        HttpResponse<byte[]> media = Http.get(sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4));
        assertThat(media.statusCode()).isEqualTo(500);
        assertThat(Http.text(media)).contains("<Code>InternalError</Code>");
    }

    @Test
    void a_share_of_failures_is_drawn_from_the_seed_so_the_sequence_repeats() {
        List<Integer> first = failureSequence(sandbox);
        List<Integer> second;
        try (Sandbox again = Sandbox.start(SandboxOptions.builder().threads(2).build())) {
            second = failureSequence(again);
        }
        assertThat(first).isEqualTo(second).contains(200).containsAnyOf(500, 503);
        assertThat(first).allMatch(s -> s == 200 || s == 500 || s == 503);
        assertThat(first.subList(20, 25)).containsOnly(200);
    }

    private static List<Integer> failureSequence(Sandbox box) {
        box.faults().failShareOfNext(Origin.API, 20, 0.5);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            statuses.add(Http.get(Http.uri(box.clientSettings("anchor").baseUrl(), "/v1/sessions/sess_0001"),
                    "anchor-api-key", box.clientSettings("anchor").apiKey()).statusCode());
        }
        return statuses;
    }

    @Test
    void reset_closes_the_connection_without_a_response() throws Exception {
        sandbox.faults().resetNext(Origin.MEDIA, 1);
        URI url = sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4);
        assertThat(rawGet(url)).isEmpty();
        assertThat(Http.get(url).statusCode()).isEqualTo(200);
        assertThat(sandbox.counters().requests(Origin.MEDIA)).isEqualTo(2);
    }

    @Test
    void the_jdk_client_retries_a_reset_get_once_so_two_resets_reach_it_as_an_io_error() {
        sandbox.faults().resetNext(Origin.API, 2);
        assertThatThrownBy(() -> anchor("/v1/sessions")).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(anchor("/v1/sessions").statusCode()).isEqualTo(200);
        assertThat(sandbox.counters().requests("anchor")).isEqualTo(3);
    }

    /** Sends a GET over a plain socket and returns every byte the server sent before closing. */
    private static byte[] rawGet(URI url) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + url.getRawPath() + "?" + url.getRawQuery()
                    + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return socket.getInputStream().readAllBytes();
        }
    }

    @Test
    void truncation_declares_the_full_length_sends_fewer_bytes_and_closes() throws Exception {
        sandbox.faults().truncateNext(Origin.MEDIA, 1, 1000);
        URI url = sandbox.generatedMediaUrl(50_000);
        byte[] all = rawGet(url);
        String response = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1);
        int headerEnd = response.indexOf("\r\n\r\n");
        assertThat(response.substring(0, headerEnd).toLowerCase()).contains("content-length: 50000");
        assertThat(all.length - headerEnd - 4).isEqualTo(1000);
        assertThat(Http.get(url).body()).hasSize(50_000);
    }

    @Test
    void the_jdk_client_sees_a_truncated_body_as_an_io_error() {
        sandbox.faults().truncateNext(Origin.API, 1, 10);
        assertThatThrownBy(() -> anchor("/v1/sessions")).isInstanceOf(UncheckedIOException.class);
        assertThat(anchor("/v1/sessions").statusCode()).isEqualTo(200);
    }

    @Test
    void dribbling_sends_the_whole_body_in_chunks_with_a_pause_between_each() {
        sandbox.faults().dribbleNext(Origin.MEDIA, 1, 4096, Duration.ofMillis(20));
        HttpResponse<byte[]> response = Http.get(sandbox.generatedMediaUrl(10_000));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(10_000);
        assertThat(pauser.pauses()).containsExactly(Duration.ofMillis(20), Duration.ofMillis(20));
    }

    @Test
    void parallel_downloads_are_served_while_another_one_is_held_up() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Sandbox blocking = Sandbox.start(SandboxOptions.builder().threads(4).pauser(d -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
        }).build())) {
            blocking.faults().latencyNext(Origin.MEDIA, 1, Duration.ofSeconds(1));
            CompletableFuture<HttpResponse<byte[]>> held = CompletableFuture.supplyAsync(
                    () -> Http.get(blocking.generatedMediaUrl(1000)));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Http.get(blocking.generatedMediaUrl(2000)).body()).hasSize(2000);
            assertThat(held).isNotDone();
            release.countDown();
            assertThat(held.get(10, TimeUnit.SECONDS).body()).hasSize(1000);
        }
    }

    @Test
    void clear_drops_pending_faults_and_bad_arguments_are_refused() {
        sandbox.faults().failNext(Origin.API, 5, 500).resetNext(Origin.MEDIA, 1);
        assertThat(sandbox.faults().pending(Origin.API)).isEqualTo(5);
        sandbox.faults().clear();
        assertThat(anchor("/v1/sessions").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> sandbox.faults().failNext(Origin.API, 0, 500))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().failNext(Origin.API, 1, 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().failShareOfNext(Origin.API, 1, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_rule_on_paths_applies_to_matching_requests_only_and_waits_for_them() {
        sandbox.faults().onPaths("/v1/sessions$").failNext(Origin.API, 1, 503);

        assertThat(anchor("/v1/sessions/sess_0001").statusCode()).isEqualTo(200);
        assertThat(sandbox.faults().pending(Origin.API)).isEqualTo(1);
        assertThat(anchor("/v1/sessions").statusCode()).isEqualTo(503);
        assertThat(anchor("/v1/sessions").statusCode()).isEqualTo(200);
        assertThat(sandbox.faults().pending(Origin.API)).isZero();
    }

    @Test
    void media_rules_on_paths_pick_one_hls_segment() throws Exception {
        sandbox.faults().onPaths("segment1\\.ts").failNext(Origin.MEDIA, 1, 500);

        assertThat(Http.get(sandbox.presignedMediaUrl(MediaPaths.HLS_FOLDER + "segment0.ts")).statusCode()).isEqualTo(200);
        assertThat(Http.get(sandbox.presignedMediaUrl(MediaPaths.HLS_FOLDER + "segment1.ts")).statusCode()).isEqualTo(500);
        assertThat(Http.get(sandbox.presignedMediaUrl(MediaPaths.HLS_FOLDER + "segment1.ts")).statusCode()).isEqualTo(200);
    }

    @Test
    void retry_after_is_sent_in_seconds_or_as_an_http_date_on_the_sandbox_clock() {
        sandbox.faults().retryAfterNext(Origin.MEDIA, 1, 429, Duration.ofSeconds(7), false)
                .retryAfterNext(Origin.API, 1, 503, Duration.ofSeconds(90), true);
        URI media = sandbox.presignedMediaUrl(MediaPaths.CALL_MP3);

        HttpResponse<byte[]> seconds = Http.get(media);
        HttpResponse<byte[]> date = anchor("/v1/sessions");

        assertThat(seconds.statusCode()).isEqualTo(429);
        assertThat(seconds.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(date.statusCode()).isEqualTo(503);
        assertThat(date.headers().firstValue("Retry-After")).hasValue("Tue, 10 Mar 2026 00:01:30 GMT");
        assertThat(Http.get(media).statusCode()).isEqualTo(200);
        assertThat(anchor("/v1/sessions").statusCode()).isEqualTo(200);
    }

    @Test
    void an_html_page_comes_with_200() {
        sandbox.faults().htmlPageNext(Origin.MEDIA, 1);

        HttpResponse<byte[]> page = Http.get(sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(Http.text(page)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void malformed_json_is_whole_but_does_not_parse() {
        sandbox.faults().malformedJsonNext(Origin.API, 1);

        HttpResponse<byte[]> answer = anchor("/v1/sessions");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Length")).hasValue(String.valueOf(answer.body().length));
        assertThatThrownBy(() -> Http.JSON.readTree(answer.body())).isInstanceOf(IOException.class);
    }

    @Test
    void an_expired_link_is_refused_like_s3_refuses_one_then_works_again() {
        sandbox.faults().expireLinksNext(1);
        URI url = sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4);

        HttpResponse<byte[]> expired = Http.get(url);

        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(Http.text(expired)).contains("Request has expired");
        assertThat(Http.get(url).statusCode()).isEqualTo(200);
    }

    @Test
    void the_content_type_of_the_real_answer_is_replaced() {
        sandbox.faults().contentTypeNext(Origin.MEDIA, 1, "text/html");
        URI url = sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4);

        HttpResponse<byte[]> wrong = Http.get(url);
        HttpResponse<byte[]> right = Http.get(url);

        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(wrong.body()).isEqualTo(right.body());
        assertThat(right.headers().firstValue("Content-Type")).hasValue("video/mp4");
    }

    @Test
    void a_reset_after_the_headers_sends_some_body_then_breaks_the_framing() throws Exception {
        sandbox.faults().resetAfterNext(Origin.MEDIA, 1, 1000);
        URI url = sandbox.generatedMediaUrl(50_000);

        String response = new String(rawGet(url), java.nio.charset.StandardCharsets.ISO_8859_1);

        int headerEnd = response.indexOf("\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(response.substring(0, headerEnd).toLowerCase()).contains("transfer-encoding: chunked")
                .doesNotContain("\ncontent-length:");
        assertThat(response).doesNotEndWith("0\r\n\r\n");
        sandbox.faults().resetAfterNext(Origin.API, 1, 0);
        assertThatThrownBy(() -> anchor("/v1/sessions")).isInstanceOf(UncheckedIOException.class);
        assertThat(anchor("/v1/sessions").statusCode()).isEqualTo(200);
    }
}
