package dev.tapedeck.provider.notte;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tapedeck.Connection;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingId;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotteReplayTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension media = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Connection connection;

    @BeforeEach
    void connect() {
        connection = new NotteProviderFactory().connect(TestSupport.config(api.baseUrl(),
                new RecordingSleeper()).build()).get();
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private String mp4Url() {
        return media.baseUrl() + "/replays/sess-1.mp4?X-Amz-Credential=AKIA%2Fx&X-Amz-Signature=ab%2Bcd%3D";
    }

    @Test
    void replayWithMp4AndPlaylistBecomesOnePrimaryRecordingWithBothAlternativesMp4FirstWithExpiryAndDuration() {
        api.stubFor(get(urlEqualTo("/sessions/sess-1/replay")).willReturn(okJson("""
                {"playlist_content": "#EXTM3U\\n#EXTINF:4.0,\\nhttps://cdn.example/seg0.ts\\n",
                 "mp4_url": "%s",
                 "expires_at": "2025-06-01T13:00:00Z",
                 "video_start_ms": 1250,
                 "video_duration_ms": 41286}
                """.formatted(mp4Url()))));

        List<Recording> all = connection.recordings().recordings(SessionId.of("sess-1")).get();

        assertThat(all).hasSize(1);
        Recording recording = all.get(0);
        assertThat(recording.provider()).isEqualTo("notte");
        assertThat(recording.sessionId()).isEqualTo(SessionId.of("sess-1"));
        assertThat(recording.id()).isEqualTo(RecordingId.of("replay"));
        assertThat(recording.primary()).isTrue();
        assertThat(recording.format()).isEqualTo(RecordingFormat.MP4);
        assertThat(recording.media()).isEqualTo(new MediaLocation.RemoteUrl(URI.create(mp4Url()),
                Optional.of(Instant.parse("2025-06-01T13:00:00Z"))));
        assertThat(recording.duration()).contains(Duration.ofMillis(41286));
        assertThat(recording.startOffset()).contains(Duration.ofMillis(1250));
        assertThat(recording.rawDuration()).isEmpty();
        assertThat(recording.sizeBytes()).isEmpty();
        assertThat(recording.createdAt()).isEmpty();
        assertThat(recording.alternatives()).hasSize(2);
        assertThat(recording.alternatives().get(1).format()).isEqualTo(RecordingFormat.HLS);
        assertThat(recording.alternatives().get(1).media()).isEqualTo(new MediaLocation.InlinePlaylist(
                "#EXTM3U\n#EXTINF:4.0,\nhttps://cdn.example/seg0.ts\n",
                Optional.of(URI.create(api.baseUrl() + "/sessions/sess-1/replay")),
                Optional.of(Instant.parse("2025-06-01T13:00:00Z"))));
        assertThat(recording.providerData().isEmpty()).isTrue();
        assertThat(recording.toString()).doesNotContain("X-Amz-Signature").doesNotContain("ab%2Bcd");
    }

    @Test
    void hlsOnlyReplayWithoutExpiryBecomesAnInlinePlaylist() {
        String playlist = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\n" + media.baseUrl()
                + "/seg0.ts?sig=abc\n#EXT-X-ENDLIST\n";
        api.stubFor(get(urlEqualTo("/sessions/sess-2/replay")).willReturn(okJson("""
                {"playlist_content": %s, "mp4_url": null, "expires_at": null,
                 "video_start_ms": null, "video_duration_ms": null}
                """.formatted(jsonString(playlist)))));

        Recording recording = connection.recordings().primaryRecording(SessionId.of("sess-2")).get();

        assertThat(recording.format()).isEqualTo(RecordingFormat.HLS);
        assertThat(recording.media()).isEqualTo(new MediaLocation.InlinePlaylist(playlist,
                Optional.of(URI.create(api.baseUrl() + "/sessions/sess-2/replay")), Optional.empty()));
        assertThat(recording.alternatives()).hasSize(1);
        assertThat(recording.id()).isEqualTo(RecordingId.of("replay"));
        assertThat(recording.primary()).isTrue();
        assertThat(recording.duration()).isEmpty();
        assertThat(recording.startOffset()).isEmpty();
        assertThat(recording.providerData().isEmpty()).isTrue();
    }

    @Test
    void aReplayWhoseMp4UrlIsUnusableFallsBackToItsPlaylist() {
        String playlist = "#EXTM3U\n#EXTINF:4.0,\nhttps://cdn.example/seg0.ts\n#EXT-X-ENDLIST\n";
        api.stubFor(get(urlEqualTo("/sessions/s/replay")).willReturn(okJson("""
                {"playlist_content": %s, "mp4_url": "replays/s.mp4", "expires_at": null,
                 "video_start_ms": 0, "video_duration_ms": 4000}
                """.formatted(jsonString(playlist)))));

        Recording recording = connection.recordings().primaryRecording(SessionId.of("s")).get();

        assertThat(recording.format()).isEqualTo(RecordingFormat.HLS);
        assertThat(recording.media()).isInstanceOf(MediaLocation.InlinePlaylist.class);
        assertThat(recording.startOffset()).contains(Duration.ZERO);
        assertThat(recording.alternatives()).hasSize(1);
        assertThat(recording.providerData().get("mp4_url")).contains(JsonValue.text("replays/s.mp4"));
        assertThat(recording.unreadFields()).containsExactly("mp4_url");
    }

    @Test
    void aReplayWhoseOnlyMediaIsAnUnusableMp4UrlIsAProviderFailureSayingSo() {
        api.stubFor(get(urlEqualTo("/sessions/s/replay")).willReturn(okJson("""
                {"playlist_content": null, "mp4_url": "replays/s.mp4"}
                """)));

        TapedeckError error = connection.recordings().primaryRecording(SessionId.of("s")).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(error.message()).contains("not an absolute http(s) URL");
    }

    @Test
    void expiryWithoutZoneIsReadAsUtc() {
        api.stubFor(get(urlEqualTo("/sessions/s/replay")).willReturn(okJson("""
                {"mp4_url": "https://cdn.example/r.mp4", "expires_at": "2025-06-01T13:00:00.123456"}
                """)));

        Recording recording = connection.recordings().primaryRecording(SessionId.of("s")).get();

        assertThat(recording.media().expiresAt()).contains(Instant.parse("2025-06-01T13:00:00.123456Z"));
    }

    @Test
    void anUnreadableExpiryLeavesTheExpiryOutButKeepsTheReplay() {
        api.stubFor(get(urlEqualTo("/sessions/s/replay")).willReturn(okJson("""
                {"mp4_url": "https://cdn.example/r.mp4", "expires_at": "in an hour"}
                """)));

        Recording recording = connection.recordings().primaryRecording(SessionId.of("s")).get();

        assertThat(recording.media()).isEqualTo(new MediaLocation.RemoteUrl(URI.create("https://cdn.example/r.mp4"),
                Optional.empty()));
    }

    @Test
    void replayWithNeitherMp4NorPlaylistIsAProviderFailureSayingSo() {
        api.stubFor(get(urlEqualTo("/sessions/s/replay")).willReturn(okJson("""
                {"playlist_content": null, "mp4_url": null, "expires_at": "2025-06-01T13:00:00Z"}
                """)));

        TapedeckError error = connection.recordings().recordings(SessionId.of("s")).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(error.message()).contains("neither an mp4_url nor a playlist_content").contains("session s");
        assertThat(((TapedeckError.ProviderFailure) error).retryable()).isFalse();
    }

    @Test
    void requestCarriesOnlyTheBearerKeyAndTheSessionIdAsOneEncodedSegment() {
        api.stubFor(get(urlPathEqualTo("/sessions/a%2Fb%20c/replay")).willReturn(okJson("""
                {"mp4_url": "https://cdn.example/r.mp4", "expires_at": "2025-06-01T13:00:00Z"}
                """)));

        assertThat(connection.recordings().recordings(SessionId.of("a/b c")).isRight()).isTrue();

        List<LoggedRequest> requests = api.findAll(getRequestedFor(urlPathEqualTo("/sessions/a%2Fb%20c/replay")));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer " + TestSupport.KEY);
        assertThat(TestSupport.ourHeaders(requests.get(0))).isEqualTo(Set.of("authorization"));
    }

    @Test
    void mp4IsFetchedFromThePresignedUrlWithoutCredentials() throws Exception {
        api.stubFor(get(urlEqualTo("/sessions/sess-1/replay")).willReturn(okJson("""
                {"mp4_url": "%s", "expires_at": "2025-06-01T13:00:00Z"}
                """.formatted(mp4Url()))));
        media.stubFor(get(urlPathEqualTo("/replays/sess-1.mp4")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withBody("fake-mp4-bytes")));

        Recording recording = connection.recordings().primaryRecording(SessionId.of("sess-1")).get();
        try (MediaStream stream = connection.recordings().openMedia(recording, MediaRequest.whole()).get();
                InputStream body = stream.body()) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("fake-mp4-bytes");
        }

        List<LoggedRequest> fetched = media.findAll(getRequestedFor(urlPathEqualTo("/replays/sess-1.mp4")));
        assertThat(fetched).hasSize(1);
        assertThat(fetched.get(0).getUrl()).endsWith("X-Amz-Credential=AKIA%2Fx&X-Amz-Signature=ab%2Bcd%3D");
        assertThat(fetched.get(0).containsHeader("Authorization")).isFalse();
        assertThat(TestSupport.ourHeaders(fetched.get(0))).doesNotContain("authorization");
    }

    @Test
    void hlsSegmentsAreFetchedWithoutCredentials() throws Exception {
        String segment = media.baseUrl() + "/hls/seg0.ts?sig=abc";
        api.stubFor(get(urlEqualTo("/sessions/h/replay")).willReturn(okJson("""
                {"playlist_content": %s, "mp4_url": null}
                """.formatted(jsonString("#EXTM3U\n#EXTINF:4.0,\n" + segment + "\n")))));
        media.stubFor(get(urlPathEqualTo("/hls/seg0.ts")).willReturn(aResponse().withStatus(200).withBody("ts")));

        Recording recording = connection.recordings().primaryRecording(SessionId.of("h")).get();
        try (MediaStream stream = connection.recordings().openMedia(recording,
                MediaRequest.part(URI.create(segment))).get()) {
            assertThat(stream.body().readAllBytes()).isEqualTo("ts".getBytes(StandardCharsets.UTF_8));
        }

        LoggedRequest fetched = media.findAll(getRequestedFor(urlPathEqualTo("/hls/seg0.ts"))).get(0);
        assertThat(fetched.containsHeader("Authorization")).isFalse();
    }

    @Test
    void refreshFetchesTheReplayAgain() {
        api.stubFor(get(urlEqualTo("/sessions/r/replay")).willReturn(okJson("""
                {"mp4_url": "https://cdn.example/r.mp4?v=1", "expires_at": "2025-06-01T13:00:00Z"}
                """)));
        Recording first = connection.recordings().primaryRecording(SessionId.of("r")).get();
        api.stubFor(get(urlEqualTo("/sessions/r/replay")).willReturn(okJson("""
                {"mp4_url": "https://cdn.example/r.mp4?v=2", "expires_at": "2025-06-01T14:00:00Z"}
                """)));

        Recording fresh = connection.recordings().refresh(first).get();

        assertThat(fresh.media()).isEqualTo(new MediaLocation.RemoteUrl(URI.create("https://cdn.example/r.mp4?v=2"),
                Optional.of(Instant.parse("2025-06-01T14:00:00Z"))));
    }

    @Test
    void pauseAndResumeAreUnsupported() {
        TapedeckError pause = connection.recordings().pause(SessionId.of("s")).getLeft();
        TapedeckError resume = connection.recordings().resume(SessionId.of("s")).getLeft();

        assertThat(pause).isInstanceOf(TapedeckError.Unsupported.class);
        assertThat(pause.provider()).isEqualTo("notte");
        assertThat(resume).isInstanceOf(TapedeckError.Unsupported.class);
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
