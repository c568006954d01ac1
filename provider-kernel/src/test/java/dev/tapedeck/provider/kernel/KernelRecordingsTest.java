package dev.tapedeck.provider.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.MediaRequest;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.Downloader;
import dev.tapedeck.kit.ProviderFixture;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingState;
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
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is Kernel's alone, against its sandbox emulator: several MP4 replays per browser, each streamed by the API with
 * the key; a running replay listed but not ready until it finishes; pause stops the running replay and resume starts
 * a new one, so a paused and resumed browser has one more recording.
 */
class KernelRecordingsTest {

    @AutoClose
    private final ProviderFixture kit = new ProviderFixture(new KernelProviderFactory());
    private final Connection connection = kit.connect();

    @Test
    void everyReplayIsAnMp4TheApiServesWithTheKeyTheFirstPrimary(@TempDir Path folder) throws IOException {
        List<Recording> replays = connection.recordings().recordings(kit.sessionWithRecordings()).get();

        DownloadResult saved = Downloader.of(connection.recordings()).download(replays.get(1), folder,
                DownloadListener.NONE).get();

        assertThat(replays).hasSize(3).extracting(Recording::format).containsOnly(RecordingFormat.MP4);
        assertThat(replays).extracting(Recording::primary).containsExactly(true, false, false);
        assertThat(replays.get(0).media()).isInstanceOf(MediaLocation.ProviderStream.class);
        assertThat(replays.get(0).createdAt()).isPresent();
        assertThat(replays.get(0).duration()).contains(Duration.ofSeconds(30));
        assertThat(replays.get(0).providerData().members().keySet()).containsExactly("finished_at",
                "replay_view_url");
        assertThat(saved.path().getFileName().toString()).isEqualTo(replays.get(1).id().value() + ".mp4");
        assertThat(Files.size(saved.path())).isPositive();
        assertThat(kit.sandbox().counters().requests(Origin.MEDIA)).isZero();
    }

    @Test
    void aRunningReplayIsListedButNotReadyUntilItFinishes() {
        SessionId active = running().id();
        Recording replay = connection.recordings().recordings(active).get().get(1);

        TapedeckError waiting = connection.recordings().openMedia(replay, MediaRequest.whole()).getLeft();
        kit.clock().advance(Duration.ofSeconds(31));
        boolean opened = connection.recordings().openMedia(replay, MediaRequest.whole()).isRight();

        assertThat(replay.providerData().get("finished_at")).contains(new JsonValue.NullValue());
        assertThat(waiting).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(waiting.message()).contains("kernel", replay.id().value(), "still recording");
        assertThat(opened).as("the refreshed listing shows it finished").isTrue();
    }

    @Test
    void pauseStopsTheRunningReplayAndResumeStartsANewOne() {
        SessionId active = running().id();

        RecordingState paused = connection.recordings().pause(active).get();
        List<Recording> afterPause = connection.recordings().recordings(active).get();
        RecordingState resumed = connection.recordings().resume(active).get();
        List<Recording> afterResume = connection.recordings().recordings(active).get();

        assertThat(paused.paused()).isTrue();
        assertThat(paused.providerStatus()).isEqualTo("stopped");
        assertThat(afterPause).hasSize(2).allSatisfy(r -> assertThat(r.providerData().get("finished_at").orElseThrow())
                .isInstanceOf(JsonValue.TextValue.class));
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.providerData().get("replay_id")).isPresent();
        assertThat(afterResume).hasSize(3);
        assertThat(afterResume.get(2).id().value()).isEqualTo(((JsonValue.TextValue) resumed.providerData()
                .get("replay_id").orElseThrow()).value());
    }

    @Test
    void pausingWhatIsNotRecordingStopsNothingAndResumingTwiceIsKernelsConflict() {
        SessionId active = running().id();
        connection.recordings().pause(active).get();

        RecordingState again = connection.recordings().pause(active).get();
        connection.recordings().resume(active).get();
        TapedeckError twice = connection.recordings().resume(active).getLeft();

        assertThat(again.paused()).isTrue();
        assertThat(again.providerStatus()).isEmpty();
        assertThat(twice).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(twice.message()).contains("409", "already recording", "pause");
    }

    @Test
    void aDeletedBrowserCannotBeResumed() {
        TapedeckError gone = connection.recordings().resume(kit.sessionWithRecordings()).getLeft();

        assertThat(gone).isInstanceOf(TapedeckError.NotFound.class);
    }

    private Session running() {
        return connection.history().sessions(SessionQuery.builder().status(SessionStatus.ACTIVE).build()).get()
                .filter(s -> connection.recordings().recordings(s.id()).get().size() == 2 && connection.recordings()
                        .recordings(s.id()).get().get(1).providerData().get("finished_at")
                        .orElseThrow() instanceof JsonValue.NullValue).findFirst().orElseThrow();
    }
}
