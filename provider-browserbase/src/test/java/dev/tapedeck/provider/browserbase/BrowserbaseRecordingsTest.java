package dev.tapedeck.provider.browserbase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadOptions;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.Downloader;
import dev.tapedeck.http.json.Json;
import dev.tapedeck.kit.ProviderFixture;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is Browserbase's alone, against its sandbox emulator: one HLS recording per tab, each saved as its own
 * playable copy; an older session's rrweb events saved as JSON; a running session not ready until it ends by the
 * sandbox clock, even the page it already has, whose playlist is still being written; a session that recorded
 * nothing.
 */
class BrowserbaseRecordingsTest {

    @AutoClose
    private final ProviderFixture kit = new ProviderFixture(new BrowserbaseProviderFactory());
    private final Connection connection = kit.connect();

    @Test
    void everyTabIsItsOwnRecordingAndItsOwnPlayableCopy(@TempDir Path folder) throws IOException {
        List<Recording> tabs = connection.recordings().recordings(kit.sessionWithRecordings()).get();

        assertThat(tabs).extracting(r -> r.id().value()).containsExactly("page-0", "page-1");
        assertThat(tabs).extracting(Recording::primary).containsExactly(true, false);
        assertThat(tabs).allSatisfy(tab -> {
            assertThat(tab.format()).isEqualTo(RecordingFormat.HLS);
            assertThat(tab.media()).isInstanceOf(MediaLocation.InlinePlaylist.class);
            assertThat(tab.media().expiresAt()).contains(kit.clock().instant().plus(Duration.ofHours(6)));
            assertThat(tab.providerData().get("pageCount")).contains(JsonValue.number(2));
            assertThat(tab.providerData().get("url")).isPresent();
            assertThat(tab.duration()).isPresent();
        });
        Downloader downloader = Downloader.of(connection.recordings());
        for (Recording tab : tabs) {
            DownloadResult saved = downloader.download(tab, folder, DownloadListener.NONE).get();
            String name = tab.id().value();
            assertThat(saved.path().getFileName().toString()).isEqualTo(name + ".m3u8");
            assertThat(Files.readString(saved.path())).startsWith("#EXTM3U").contains(name + "_segments/00000.ts")
                    .doesNotContain("http");
            assertThat(saved.path().resolveSibling(name + "_segments").resolve("00000.ts")).isNotEmptyFile();
        }
        assertThat(kit.sandbox().counters().credentialHeadersSeen(Origin.MEDIA)).isZero();
    }

    @Test
    void anOlderSessionsRecordingIsItsRrwebEventsSavedAsJson(@TempDir Path folder) throws IOException {
        List<Session> completed = connection.history().sessions(SessionQuery.builder()
                .status(SessionStatus.COMPLETED).build()).get().toList();
        SessionId oldest = completed.get(completed.size() - 1).id();

        Recording events = connection.recordings().primaryRecording(oldest).get();
        DownloadResult saved = Downloader.of(connection.recordings()).download(events, folder, DownloadListener.NONE)
                .get();

        assertThat(events.id().value()).isEqualTo("rrweb");
        assertThat(events.format()).isEqualTo(RecordingFormat.EVENTS);
        assertThat(saved.path().getFileName().toString()).isEqualTo("rrweb.json");
        var array = Json.mapper().readTree(saved.path().toFile());
        assertThat(array.isArray()).isTrue();
        assertThat(array.get(0).get("type").asInt()).isEqualTo(4);
        assertThat(array.get(1).get("type").asInt()).isEqualTo(2);
        assertThat(array.get(0).get("sessionId").asText()).isEqualTo(oldest.value());
    }

    @Test
    void aRunningSessionIsNotReadyUntilItEndsByTheSandboxClock() {
        Session running = connection.history().sessions(SessionQuery.builder().status(SessionStatus.ACTIVE).build())
                .get().findFirst().orElseThrow();

        TapedeckError waiting = connection.recordings().recordings(running.id()).getLeft();
        kit.clock().advance(Duration.ofSeconds(31));
        List<Recording> ended = connection.recordings().recordings(running.id()).get();

        assertThat(running.providerStatus()).isEqualTo("RUNNING");
        assertThat(waiting).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(waiting.message()).contains("browserbase", running.id().value(), "RUNNING", "once it ends");
        assertThat(ended).hasSize(2).allSatisfy(tab -> assertThat(tab.format()).isEqualTo(RecordingFormat.HLS));
    }

    @Test
    void aRunningSessionsPageIsNotReadyWhileItsPlaylistIsStillBeingWrittenAndIsSavedOnceItEnds(@TempDir Path folder)
            throws IOException {
        SessionId third = connection.history().sessions(SessionQuery.builder().status(SessionStatus.ACTIVE).build())
                .get().toList().get(2).id();
        Downloader downloader = new Downloader(connection.recordings(), kit.clock(), DownloadOptions.defaults());

        List<Recording> listed = connection.recordings().recordings(third).get();
        TapedeckError waiting = downloader.download(listed.get(0), folder, DownloadListener.NONE).getLeft();
        List<Path> keptMeanwhile;
        try (Stream<Path> files = Files.walk(folder)) {
            keptMeanwhile = files.filter(Files::isRegularFile).toList();
        }
        kit.clock().advance(Duration.ofSeconds(31));
        DownloadResult saved = downloader.download(listed.get(0), folder, DownloadListener.NONE).get();

        assertThat(listed).extracting(r -> r.id().value()).containsExactly("page-0");
        assertThat(waiting).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(waiting.message()).contains("page-0", third.value(), "no #EXT-X-ENDLIST", "still being written");
        assertThat(keptMeanwhile).isEmpty();
        assertThat(Files.readString(saved.path())).endsWith("#EXT-X-ENDLIST\n");
        assertThat(saved.path().resolveSibling("page-0_segments").resolve("00002.ts")).isNotEmptyFile();
    }

    @Test
    void aSessionThatRecordedNothingIsNotFoundAndSaysWhy() {
        TapedeckError error = connection.recordings().recordings(kit.sessionWithoutRecordings()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("browserbase", "has ended", "recorded nothing");
    }
}
