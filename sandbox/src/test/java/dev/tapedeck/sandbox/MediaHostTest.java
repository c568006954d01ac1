package dev.tapedeck.sandbox;

import dev.tapedeck.sandbox.spi.MediaPaths;
import static dev.tapedeck.sandbox.Http.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaHostTest {

    final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T00:00:00Z"));
    Sandbox sandbox;
    byte[] mp4;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.builder().clock(clock).threads(2).build());
        mp4 = AnchorApiTest.resource("sample.mp4");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void a_presigned_asset_is_served_whole_with_length_etag_and_accept_ranges() {
        HttpResponse<byte[]> response = Http.get(sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(mp4);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(mp4.length);
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).matches("\"\\w+\""));
        assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void the_rrweb_recording_is_a_json_array_of_events_starting_with_the_page_meta() throws Exception {
        HttpResponse<byte[]> response = Http.get(sandbox.presignedMediaUrl(MediaPaths.RRWEB_EVENTS));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        com.fasterxml.jackson.databind.JsonNode events = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body());
        assertThat(events.isArray()).isTrue();
        assertThat(events).hasSize(63);
        assertThat(events.get(0).get("type").asInt()).isEqualTo(4);
        assertThat(events.get(1).get("type").asInt()).isEqualTo(2);
    }

    @Test
    void single_ranges_answer_206_with_content_range() {
        URI url = sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4);
        HttpResponse<byte[]> middle = Http.get(url, "Range", "bytes=100-199");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + mp4.length);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(mp4, 100, 200));

        HttpResponse<byte[]> tail = Http.get(url, "Range", "bytes=" + (mp4.length - 10) + "-");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(mp4, mp4.length - 10, mp4.length));

        HttpResponse<byte[]> clipped = Http.get(url, "Range", "bytes=" + (mp4.length - 5) + "-99999999");
        assertThat(clipped.headers().firstValue("Content-Range"))
                .hasValue("bytes " + (mp4.length - 5) + "-" + (mp4.length - 1) + "/" + mp4.length);
        assertThat(clipped.body()).hasSize(5);

        HttpResponse<byte[]> suffix = Http.get(url, "Range", "bytes=-4");
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(mp4, mp4.length - 4, mp4.length));
    }

    @Test
    void an_unsatisfiable_range_is_416_and_multi_ranges_or_a_stale_if_range_get_the_whole_body() {
        URI url = sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4);
        HttpResponse<byte[]> beyond = Http.get(url, "Range", "bytes=" + mp4.length + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + mp4.length);
        assertThat(Http.get(url, "Range", "bytes=0-1,5-6").statusCode()).isEqualTo(200);
        assertThat(Http.get(url, "Range", "bytes=0-9", "If-Range", "\"stale\"").statusCode()).isEqualTo(200);
        String etag = Http.get(url).headers().firstValue("ETag").orElseThrow();
        assertThat(Http.get(url, "Range", "bytes=0-9", "If-Range", etag).statusCode()).isEqualTo(206);
    }

    @Test
    void head_gives_the_length_without_a_body() {
        HttpResponse<byte[]> head = Http.send("HEAD", sandbox.presignedMediaUrl(MediaPaths.CALL_MP3));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).isPresent();
        assertThat(head.body()).isEmpty();
    }

    @Test
    void missing_or_tampered_signatures_are_403() {
        URI good = sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4);
        HttpResponse<byte[]> unsigned = Http.get(Http.uri(sandbox.mediaBaseUrl(), MediaPaths.SAMPLE_MP4));
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(text(unsigned)).contains("<Code>AccessDenied</Code>");
        String tamperedSignature = good.toString().substring(0, good.toString().length() - 1)
                + (good.toString().endsWith("0") ? "1" : "0");
        assertThat(Http.get(URI.create(tamperedSignature)).statusCode()).isEqualTo(403);
        String otherPath = good.toString().replace(MediaPaths.SAMPLE_MP4, MediaPaths.CALL_MP3);
        assertThat(text(Http.get(URI.create(otherPath)))).contains("SignatureDoesNotMatch");
        String longerLife = good.toString().replaceFirst("expires=(\\d+)", "expires=9999999999");
        assertThat(Http.get(URI.create(longerLife)).statusCode()).isEqualTo(403);
    }

    @Test
    void a_presigned_url_expires_by_the_injected_clock() {
        URI url = sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4);
        clock.advance(sandbox.options().presignTtl());
        assertThat(Http.get(url).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<byte[]> expired = Http.get(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(text(expired)).contains("Request has expired");
    }

    @Test
    void generated_streams_have_the_requested_size_deterministic_content_and_ranges() throws Exception {
        long size = 1_234_567;
        URI url = sandbox.generatedMediaUrl(size);
        HttpResponse<byte[]> whole = Http.get(url);
        assertThat(whole.body()).hasSize((int) size);
        assertThat(whole.body()).isEqualTo(GeneratedBytes.stream(0, size).readAllBytes());
        HttpResponse<byte[]> resumed = Http.get(url, "Range", "bytes=1000000-");
        assertThat(resumed.statusCode()).isEqualTo(206);
        assertThat(resumed.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 1_000_000, (int) size));
        assertThat(whole.headers().firstValue("ETag")).hasValue("\"generated-" + size + "\"");
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(Http.get(sandbox.generatedMediaUrl(0)).body()).isEmpty();
    }

    @Test
    void the_counters_add_up_the_body_bytes_each_origin_sent() {
        sandbox.counters().reset();
        Http.get(sandbox.generatedMediaUrl(300_000));
        Http.get(sandbox.generatedMediaUrl(300_000), "Range", "bytes=200000-");
        sandbox.faults().truncateNext(Origin.MEDIA, 1, 1000);
        org.assertj.core.api.Assertions.catchThrowable(() -> Http.get(sandbox.generatedMediaUrl(300_000)));

        assertThat(sandbox.counters().bodyBytesSent(Origin.MEDIA)).isEqualTo(300_000 + 100_000 + 1000);
        assertThat(sandbox.counters().bodyBytesSent(Origin.API)).isZero();
    }

    @Test
    void a_very_large_generated_stream_starts_streaming_without_being_built_in_memory() {
        long size = 1L << 36;
        HttpResponse<byte[]> last = Http.get(sandbox.generatedMediaUrl(size), "Range", "bytes=-16");
        assertThat(last.statusCode()).isEqualTo(206);
        byte[] expected = new byte[16];
        GeneratedBytes.fill(size - 16, expected, 0, 16);
        assertThat(last.body()).isEqualTo(expected);
    }

    @Test
    void the_hosted_playlist_points_at_presigned_segments_and_unknown_keys_are_404() {
        HttpResponse<byte[]> playlist = Http.get(sandbox.presignedMediaUrl(MediaPaths.HLS_PLAYLIST));
        assertThat(playlist.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
        String segment = text(playlist).lines().filter(l -> l.startsWith("http")).findFirst().orElseThrow();
        assertThat(Http.get(URI.create(segment)).headers().firstValue("Content-Type")).hasValue("video/mp2t");
        HttpResponse<byte[]> missing = Http.get(sandbox.presignedMediaUrl("/assets/nothing.mp4"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(text(missing)).contains("NoSuchKey");
    }

    @Test
    void cross_origin_preflight_is_allowed_without_credentials() {
        HttpResponse<byte[]> preflight = Http.send("OPTIONS", Http.uri(sandbox.mediaBaseUrl(), MediaPaths.SAMPLE_MP4),
                "Origin", "http://example.com", "Access-Control-Request-Method", "GET");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("GET"));
    }

    @Test
    void counters_show_credentials_that_leak_to_the_media_origin() {
        Http.get(sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4));
        Http.get(sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4), "Authorization", "Bearer leak");
        Http.get(sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4), "X-Account-ID", "sandbox");
        Http.get(sandbox.presignedMediaUrl(MediaPaths.SAMPLE_MP4), "anchor-api-key", "leak");
        assertThat(sandbox.counters().requests(Origin.MEDIA)).isEqualTo(4);
        assertThat(sandbox.counters().credentialHeadersSeen(Origin.MEDIA)).isEqualTo(3);
        assertThat(sandbox.counters().requests(Origin.API)).isZero();
    }
}
