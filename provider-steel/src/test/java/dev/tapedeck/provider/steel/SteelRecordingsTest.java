package dev.tapedeck.provider.steel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.Connection;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.Downloader;
import dev.tapedeck.http.json.Json;
import dev.tapedeck.kit.ProviderFixture;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.kit.TestConfigs;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.sandbox.spi.ClientSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is Steel's alone, against its sandbox emulator: the HLS recording saved as a playable copy, its segments
 * presigned or, relative to the playlist, served by the API with the key; a legacy session's rrweb events, every page, saved as one JSON array; a live session not
 * ready until it is released by the sandbox clock.
 */
class SteelRecordingsTest {

    @AutoClose
    private final ProviderFixture kit = new ProviderFixture(new SteelProviderFactory());
    private final Connection connection = kit.connect();

    @Test
    void theHlsRecordingIsSavedAsAPlayableCopyWithItsPresignedSegments(@TempDir Path folder) throws IOException {
        Recording hls = connection.recordings().primaryRecording(kit.sessionWithRecordings()).get();

        DownloadResult saved = Downloader.of(connection.recordings()).download(hls, folder, DownloadListener.NONE).get();

        assertThat(hls.id().value()).isEqualTo("hls");
        assertThat(saved.path().getFileName().toString()).isEqualTo("hls.m3u8");
        assertThat(Files.readString(saved.path())).contains("hls_segments/00000.ts", "hls_segments/00002.ts");
        assertThat(kit.sandbox().counters().requests(Origin.MEDIA)).isEqualTo(3);
        assertThat(kit.sandbox().counters().credentialHeadersSeen(Origin.MEDIA)).isZero();
    }

    @Test
    void segmentsRelativeToThePlaylistAreFetchedFromTheApiWithTheKey(@TempDir Path folder) throws IOException {
        try (Sandbox own = Sandbox.start(SandboxOptions.builder().setting("steel", "relative_segments", "true")
                .build())) {
            ClientSettings steel = own.clientSettings("steel");
            Connection relative = kit.connect(TestConfigs.at(steel.baseUrl(), steel.apiKey(), kit.clock(),
                    kit.sleeper()).build());
            Recording hls = relative.recordings().primaryRecording(kit.sessionWithRecordings()).get();
            long apiRequests = own.counters().requests(Origin.API);

            DownloadResult saved = Downloader.of(relative.recordings()).download(hls, folder, DownloadListener.NONE)
                    .get();

            assertThat(hls.media()).isInstanceOfSatisfying(MediaLocation.InlinePlaylist.class, playlist ->
                    assertThat(playlist.content()).contains("hls/segment0.ts"));
            assertThat(Files.readString(saved.path())).contains("hls_segments/00000.ts", "hls_segments/00002.ts");
            assertThat(own.counters().requests(Origin.API) - apiRequests).as("three segments, each with the key")
                    .isEqualTo(3);
            assertThat(own.counters().requests(Origin.MEDIA)).isZero();
        }
    }

    @Test
    void aLegacySessionsRrwebEventsOfEveryPageAreOneJsonArray(@TempDir Path folder) throws IOException {
        List<Session> released = connection.history().sessions(SessionQuery.builder()
                .status(SessionStatus.COMPLETED).build()).get().toList();
        SessionId legacy = released.get(released.size() - 1).id();
        long apiRequests = kit.sandbox().counters().requests(Origin.API);

        Recording events = connection.recordings().primaryRecording(legacy).get();
        DownloadResult saved = Downloader.of(connection.recordings()).download(events, folder, DownloadListener.NONE)
                .get();

        assertThat(events.id().value()).isEqualTo("rrweb");
        assertThat(events.format()).isEqualTo(RecordingFormat.EVENTS);
        assertThat(saved.path().getFileName().toString()).isEqualTo("rrweb.json");
        JsonNode array = Json.mapper().readTree(saved.path().toFile());
        assertThat(array).hasSize(150);
        assertThat(array.get(0).get("type").asInt()).isEqualTo(4);
        assertThat(array.get(149).get("timestamp").asLong()).isGreaterThan(array.get(0).get("timestamp").asLong());
        assertThat(kit.sandbox().counters().requests(Origin.API) - apiRequests).as("the session, then two pages")
                .isEqualTo(3);
    }

    @Test
    void aLiveSessionIsNotReadyUntilItIsReleasedByTheSandboxClock() {
        Session live = connection.history().sessions(SessionQuery.builder().status(SessionStatus.ACTIVE).build())
                .get().findFirst().orElseThrow();

        TapedeckError waiting = connection.recordings().recordings(live.id()).getLeft();
        kit.clock().advance(Duration.ofSeconds(31));
        List<Recording> released = connection.recordings().recordings(live.id()).get();

        assertThat(waiting).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(waiting.message()).contains("steel", live.id().value(), "released", "still live");
        assertThat(released).extracting(r -> r.id().value()).containsExactly("hls");
    }

    @Test
    void aHeadlessSessionWithoutEventsHasNoRecording() {
        assertThat(connection.recordings().recordings(kit.sessionWithoutRecordings()).get()).isEmpty();
        assertThat(connection.recordings().primaryRecording(kit.sessionWithoutRecordings()).getLeft())
                .isInstanceOf(TapedeckError.NotFound.class);
    }
}
