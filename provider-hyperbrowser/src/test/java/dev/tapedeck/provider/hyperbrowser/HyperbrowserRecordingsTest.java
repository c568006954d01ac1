package dev.tapedeck.provider.hyperbrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.Connection;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.Downloader;
import dev.tapedeck.http.json.Json;
import dev.tapedeck.kit.ProviderFixture;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is Hyperbrowser's alone, against its sandbox emulator (whose sessions are listed newest first, the n-th of its
 * seeding at n-1): the MP4 video and the rrweb JSON of one session; recordings still pending or in progress are not
 * ready until the sandbox clock has them completed; a video not enabled or failed is no recording, its answer kept;
 * an expired signed URL is refreshed by listing again; an older session's rrweb events come from the API with the key.
 */
class HyperbrowserRecordingsTest {

    @AutoClose
    private final ProviderFixture kit = new ProviderFixture(new HyperbrowserProviderFactory());
    private final Connection connection = kit.connect();
    private final List<SessionId> seeded = connection.history().sessions(SessionQuery.all()).get()
            .map(session -> session.id()).toList();

    @Test
    void theVideoIsThePrimaryMp4AndTheRrwebEventsOneJsonArray(@TempDir Path folder) throws IOException {
        List<Recording> recordings = connection.recordings().recordings(kit.sessionWithRecordings()).get();

        DownloadResult video = Downloader.of(connection.recordings()).download(recordings.get(0), folder,
                DownloadListener.NONE).get();
        DownloadResult events = Downloader.of(connection.recordings()).download(recordings.get(1), folder,
                DownloadListener.NONE).get();

        assertThat(recordings).extracting(r -> r.id().value(), Recording::format, Recording::primary).containsExactly(
                tuple("video", RecordingFormat.MP4, true),
                tuple("rrweb", RecordingFormat.EVENTS, false));
        assertThat(recordings.get(0).providerData().members()).containsEntry("status",
                new JsonValue.TextValue("completed"));
        assertThat(video.path().getFileName().toString()).endsWith(".mp4");
        assertThat(events.path().getFileName().toString()).isEqualTo("rrweb.json");
        JsonNode array = Json.mapper().readTree(events.path().toFile());
        assertThat(array).hasSize(63);
        assertThat(array.get(0).get("type").asInt()).isEqualTo(4);
        assertThat(kit.sandbox().counters().credentialHeadersSeen(Origin.MEDIA)).isZero();
    }

    @Test
    void anActiveSessionIsNotReadyWhilePendingThenInProgressUntilTheSandboxClockCompletesIt() {
        SessionId active = seeded.get(0);

        TapedeckError pending = connection.recordings().recordings(active).getLeft();
        kit.clock().advance(Duration.ofSeconds(31));
        TapedeckError processing = connection.recordings().recordings(active).getLeft();
        kit.clock().advance(Duration.ofSeconds(20));
        List<Recording> ready = connection.recordings().recordings(active).get();

        assertThat(pending).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(pending.message()).contains("hyperbrowser", active.value(), "pending");
        assertThat(processing).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(processing.message()).contains("video", "in_progress");
        assertThat(ready).extracting(r -> r.id().value()).containsExactly("video", "rrweb");
    }

    @Test
    void aSessionThatRecordedNothingIsNotFoundSayingHowToEnableRecording() {
        TapedeckError none = connection.recordings().recordings(kit.sessionWithoutRecordings()).getLeft();

        assertThat(none).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(none.message()).contains("not_enabled", "enableWebRecording", "enableVideoWebRecording");
    }

    @Test
    void aFailedVideoIsNoRecordingAndItsErrorStaysWithTheRrwebRecording() {
        Recording rrweb = connection.recordings().primaryRecording(seeded.get(3)).get();

        assertThat(connection.recordings().recordings(seeded.get(3)).get()).hasSize(1);
        assertThat(rrweb.id().value()).isEqualTo("rrweb");
        assertThat(rrweb.providerData().get("videoRecording").orElseThrow())
                .isInstanceOfSatisfying(JsonValue.ObjectValue.class, video -> {
                    assertThat(video.members()).containsEntry("status", new JsonValue.TextValue("failed"));
                    assertThat(video.members().get("error").toString()).contains("Video encoding failed");
                });
    }

    @Test
    void anExpiredSignedUrlIsRefreshedByListingAgain(@TempDir Path folder) throws IOException {
        Recording rrweb = connection.recordings().primaryRecording(seeded.get(6)).get();
        kit.clock().advance(Duration.ofMinutes(11));
        long asked = kit.sandbox().counters().requests(Origin.API);
        long fetched = kit.sandbox().counters().requests(Origin.MEDIA);

        DownloadResult saved = Downloader.of(connection.recordings()).download(rrweb, folder, DownloadListener.NONE)
                .get();

        assertThat(rrweb.media()).isInstanceOf(MediaLocation.RemoteUrl.class);
        assertThat(Json.mapper().readTree(saved.path().toFile())).hasSize(63);
        assertThat(kit.sandbox().counters().requests(Origin.API) - asked).as("both answers again").isEqualTo(2);
        assertThat(kit.sandbox().counters().requests(Origin.MEDIA) - fetched).as("the refused URL, the fresh one")
                .isEqualTo(2);
    }

    @Test
    void anOlderSessionsRrwebEventsWithoutAUrlComeFromTheApiWithTheKey(@TempDir Path folder) throws IOException {
        Recording rrweb = connection.recordings().primaryRecording(seeded.get(40)).get();

        DownloadResult saved = Downloader.of(connection.recordings()).download(rrweb, folder, DownloadListener.NONE)
                .get();

        assertThat(rrweb.media()).isInstanceOf(MediaLocation.ProviderStream.class);
        assertThat(Files.readString(saved.path())).startsWith("[");
        assertThat(Json.mapper().readTree(saved.path().toFile())).hasSize(63);
    }
}
