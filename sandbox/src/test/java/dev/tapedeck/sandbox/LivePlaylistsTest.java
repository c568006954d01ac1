package dev.tapedeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulators' HLS playlists say whether the recording is finished, as the real services' do: a finished one ends
 * with {@code #EXT-X-ENDLIST}; one of a session still running lists the segments so far, as type EVENT, without it.
 */
class LivePlaylistsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T00:00:00Z"));
    private final Sandbox sandbox = Sandbox.start(SandboxOptions.builder().clock(clock).threads(2).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aPlaylistStillBeingWrittenIsOfTypeEventWithoutItsLastSegmentOrEndlist() {
        MediaAssets assets = MediaAssets.load();

        String finished = assets.playlist(segment -> "s/" + segment, true);
        String soFar = assets.playlist(segment -> "s/" + segment, false);

        assertThat(finished).contains("#EXT-X-PLAYLIST-TYPE:VOD", "s/segment2.ts").endsWith("#EXT-X-ENDLIST\n");
        assertThat(soFar).isEqualTo(finished.substring(0, finished.indexOf("#EXTINF:", finished.indexOf("s/segment1")))
                .replace("TYPE:VOD", "TYPE:EVENT"));
        assertThat(soFar).contains("s/segment0.ts", "s/segment1.ts").doesNotContain("segment2", "#EXT-X-ENDLIST");
    }

    @Test
    void browserbaseServesTheThirdRunningSessionsFirstPageWhileItRunsAndItsPlaylistEndsOnceTheSessionHas() {
        JsonNode running = Http.json(get("browserbase", "X-BB-API-Key", "/v1/sessions?status=RUNNING"));
        String third = "/v1/sessions/" + running.get(2).path("id").asText() + "/replays";

        JsonNode pages = Http.json(get("browserbase", "X-BB-API-Key", third));
        String soFar = Http.text(get("browserbase", "X-BB-API-Key", third + "/0"));
        int otherWhileRunning = get("browserbase", "X-BB-API-Key", "/v1/sessions/" + running.get(0).path("id")
                .asText() + "/replays").statusCode();
        clock.advance(Duration.ofSeconds(31));
        String finished = Http.text(get("browserbase", "X-BB-API-Key", third + "/0"));

        assertThat(running).hasSize(3);
        assertThat(pages.path("pageCount").asInt()).isEqualTo(1);
        assertThat(pages.path("pages")).hasSize(1);
        assertThat(soFar).startsWith("#EXTM3U").contains("#EXT-X-PLAYLIST-TYPE:EVENT").doesNotContain("#EXT-X-ENDLIST");
        assertThat(otherWhileRunning).isEqualTo(404);
        assertThat(finished).contains("#EXT-X-PLAYLIST-TYPE:VOD").endsWith("#EXT-X-ENDLIST\n");
        assertThat(Http.json(get("browserbase", "X-BB-API-Key", third)).path("pageCount").asInt()).isEqualTo(2);
    }

    @Test
    void steelServesALiveSessionsPlaylistSoFarAndItEndsOnceTheSessionIsReleased() {
        String live = "/v1/sessions/" + Http.json(get("steel", "steel-api-key", "/v1/sessions")).path("sessions")
                .path(0).path("id").asText() + "/hls";

        String soFar = Http.text(get("steel", "steel-api-key", live));
        clock.advance(Duration.ofSeconds(31));
        String finished = Http.text(get("steel", "steel-api-key", live));

        assertThat(soFar).startsWith("#EXTM3U").contains("#EXT-X-PLAYLIST-TYPE:EVENT").doesNotContain("#EXT-X-ENDLIST");
        assertThat(soFar.lines().filter(line -> line.startsWith("#EXTINF"))).hasSize(2);
        assertThat(finished).contains("#EXT-X-PLAYLIST-TYPE:VOD").endsWith("#EXT-X-ENDLIST\n");
    }

    private HttpResponse<byte[]> get(String provider, String keyHeader, String pathAndQuery) {
        URI url = Http.uri(sandbox.clientSettings(provider).baseUrl(), pathAndQuery);
        return Http.get(url, keyHeader, sandbox.clientSettings(provider).apiKey());
    }
}
