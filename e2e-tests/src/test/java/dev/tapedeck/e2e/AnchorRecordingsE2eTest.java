package dev.tapedeck.e2e;

import static dev.tapedeck.e2e.E2e.left;
import static dev.tapedeck.e2e.E2e.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.anchor.AnchorApi;
import dev.tapedeck.sandbox.anchor.AnchorRecording;
import dev.tapedeck.sandbox.anchor.AnchorSession;
import dev.tapedeck.sandbox.spi.SandboxScenario;
import dev.tapedeck.Connection;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.RecordingState;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AnchorBrowser's recordings through the public API: listing, the primary, downloads, pause and resume. */
@TapedeckSandbox(clockStart = E2e.START_TEXT, settings = E2e.SMALL_LARGE_RECORDING, threads = 4, scenario = SandboxScenario.HOSTILE)
class AnchorRecordingsE2eTest {

    @TempDir
    Path temp;

    private final SandboxClients e2e;
    private final Connection anchor;

    AnchorRecordingsE2eTest(SandboxClients e2e) {
        this.e2e = e2e;
        this.anchor = e2e.connect("anchor");
    }

    @Test
    void aSessionWithThreeRecordingsListsThemPrimaryFirst() {
        AnchorSession seeded = e2e.sandbox().emulation("anchor", AnchorApi.class).seed().withSeveralRecordings();

        List<Recording> recordings = right(anchor.recordings().recordings(SessionId.of(seeded.id())));

        assertThat(recordings).hasSize(3);
        assertThat(recordings.get(0).primary()).isTrue();
        assertThat(recordings.get(0).id().value()).isEqualTo(seeded.primaryRecording().orElseThrow().id());
        assertThat(recordings.get(0).fileName()).contains("../../evil.mp4");
        assertThat(recordings).filteredOn(Recording::primary).hasSize(1);
        assertThat(recordings).extracting(r -> r.id().value()).containsExactlyInAnyOrderElementsOf(
                seeded.recordings().stream().map(AnchorRecording::id).collect(Collectors.toList()));
        assertThat(recordings).allSatisfy(r -> assertThat(r.format()).isEqualTo(RecordingFormat.MP4));
    }

    @Test
    void thePrimaryRecordingOfASessionWithOneRecordingIsThatRecording() {
        AnchorSession seeded = e2e.sandbox().emulation("anchor", AnchorApi.class).seed().withOneRecording();
        AnchorRecording only = seeded.recordings().get(0);

        Recording primary = right(anchor.recordings().primaryRecording(SessionId.of(seeded.id())));

        assertThat(primary.id().value()).isEqualTo(only.id());
        assertThat(primary.primary()).isTrue();
        assertThat(primary.sizeBytes()).contains(only.size());
        assertThat(primary.duration()).contains(Duration.ofSeconds(3));
        assertThat(primary.fileName()).contains("sess_0001.mp4");
    }

    @Test
    void thePrimaryRecordingDownloadsByteForByte() throws IOException {
        Recording primary = right(anchor.recordings().primaryRecording(SessionId.of("sess_0001")));
        Path folder = temp.resolve("out");

        DownloadResult result = right(E2e.downloader(e2e, anchor).download(primary, folder, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.path()).isEqualTo(folder.toAbsolutePath().resolve("anchor/sess_0001/rec_0001_1.mp4"));
        byte[] sample = Media.sampleMp4();
        assertThat(Files.readAllBytes(result.path())).isEqualTo(sample);
        assertThat(result.sizeBytes()).isEqualTo(sample.length);
        assertThat(result.sha256()).isEqualTo(Media.sha256(sample));
        try (Stream<Path> files = Files.list(result.path().getParent())) {
            assertThat(files).containsExactly(result.path());
        }
    }

    @Test
    void aTraversingFileNameLandsInsideTheTargetFolder() throws IOException {
        Recording primary = right(anchor.recordings().primaryRecording(SessionId.of("sess_0002")));
        assertThat(primary.fileName()).contains("../../evil.mp4");
        Path folder = temp.resolve("a").resolve("b").resolve("out");

        DownloadResult result = right(E2e.downloader(e2e, anchor).download(primary, folder, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        // The provider's name only ever lends its extension: the file is named after the recording id.
        assertThat(result.path()).isEqualTo(folder.toAbsolutePath().resolve("anchor/sess_0002/rec_0002_2.mp4"));
        assertThat(Files.readAllBytes(result.path())).isEqualTo(Media.sampleMp4());
        try (Stream<Path> files = Files.walk(temp)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(result.path());
        }
    }

    @Test
    void pausingAndResumingARunningSessionChangesItsRecordingState() {
        SessionId running = SessionId.of(e2e.sandbox().emulation("anchor", AnchorApi.class).seed().running().id());

        RecordingState paused = right(anchor.recordings().pause(running));
        boolean pausedAtSandbox = e2e.sandbox().emulation("anchor", AnchorApi.class).isPaused(running.value());
        RecordingState resumed = right(anchor.recordings().resume(running));

        assertThat(paused.paused()).isTrue();
        assertThat(paused.providerStatus()).isEqualTo("paused");
        assertThat(pausedAtSandbox).isTrue();
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.providerStatus()).isEqualTo("recording");
        assertThat(e2e.sandbox().emulation("anchor", AnchorApi.class).isPaused(running.value())).isFalse();
    }

    @Test
    void pausingACompletedSessionSaysItHasEndedAndThePostIsSentOnce() {
        TapedeckError error = left(anchor.recordings().pause(SessionId.of("sess_0001")));

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("session sess_0001 has ended (status completed)")
                .contains("can no longer be paused");
        // A POST that reached the server is never retried: pausing twice is not what the user asked for. The second
        // request is the GET of the session's status that tells an ended session from an outage.
        assertThat(e2e.sandbox().counters().requests("anchor")).isEqualTo(2);
        assertThat(e2e.sleeper().sleeps()).isEmpty();
    }

    @Test
    void aSessionWithRecordingDisabledIsNotFound() {
        TapedeckError error = left(anchor.recordings().recordings(
                SessionId.of(e2e.sandbox().emulation("anchor", AnchorApi.class).seed().recordingDisabled().id())));

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.provider()).isEqualTo("anchor");
        assertThat(error.message()).contains("sess_0011");
    }

    @Test
    void aSessionThatRecordedNothingHasNoPrimaryRecording() {
        SessionId nothing = SessionId.of(e2e.sandbox().emulation("anchor", AnchorApi.class).seed().withoutRecordings().id());

        assertThat(right(anchor.recordings().recordings(nothing))).isEmpty();
        assertThat(left(anchor.recordings().primaryRecording(nothing))).isInstanceOf(TapedeckError.NotFound.class);
    }

    @Test
    void anExpiredFileLinkIsRefreshedOnceAndTheDownloadSucceeds() throws IOException {
        Recording listed = right(anchor.recordings().primaryRecording(SessionId.of("sess_0001")));
        e2e.clock().advance(e2e.sandbox().options().presignTtl().plusMinutes(1));

        DownloadResult result = right(E2e.downloader(e2e, anchor).download(listed, temp, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(Files.readAllBytes(result.path())).isEqualTo(Media.sampleMp4());
        // Anchor gives no expiry, so the stale link is tried, refused (403), and listed again once.
        assertThat(e2e.sandbox().counters().requests(Origin.MEDIA)).isEqualTo(2);
        assertThat(e2e.sandbox().counters().requests("anchor")).isEqualTo(2);
    }
}
