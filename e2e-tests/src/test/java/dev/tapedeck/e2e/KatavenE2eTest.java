package dev.tapedeck.e2e;

import static dev.tapedeck.e2e.E2e.left;
import static dev.tapedeck.e2e.E2e.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.kataven.KatavenEmulator;
import dev.tapedeck.sandbox.kataven.KatavenApi;
import dev.tapedeck.sandbox.kataven.KatavenBehaviour;
import dev.tapedeck.Connection;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.wait.ReadinessWait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kataven Hub through the public API: audio downloads, expiry, 409 until ready, error mapping, no history. */
@TapedeckSandbox(clockStart = E2e.START_TEXT, settings = E2e.SMALL_LARGE_RECORDING, threads = 4)
class KatavenE2eTest {

    @TempDir
    Path temp;

    private final SandboxClients e2e;
    private final Connection kataven;

    KatavenE2eTest(SandboxClients e2e) {
        this.e2e = e2e;
        this.kataven = e2e.connect("kataven");
    }

    @Test
    void aReadyCallsAudioDownloadsByteForByte() throws IOException {
        Recording recording = right(kataven.recordings().primaryRecording(call(KatavenBehaviour.READY)));
        assertThat(recording.format()).isEqualTo(RecordingFormat.AUDIO);

        DownloadResult result = right(E2e.downloader(e2e, kataven).download(recording, temp, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("kataven/call_0001/recording.mp3");
        assertThat(Files.readAllBytes(result.path())).isEqualTo(Media.callMp3());
        assertThat(result.sha256()).isEqualTo(Media.sha256(Media.callMp3()));
    }

    @Test
    void aReadyCallsUrlExpiresWhenKatavenSays() {
        Recording recording = right(kataven.recordings().primaryRecording(call(KatavenBehaviour.READY)));

        // The sandbox presigns for its TTL and sends the expiry in whole seconds.
        Instant expiry = e2e.clock().instant().plus(e2e.sandbox().options().presignTtl());
        assertThat(recording.media().expiresAt()).contains(Instant.ofEpochSecond(expiry.getEpochSecond()));
    }

    @Test
    void aCallWithoutExpiryIsGivenFetchTimePlusFiveMinutes() {
        Instant fetchedAt = e2e.clock().instant();

        Recording recording = right(kataven.recordings().primaryRecording(
                call(KatavenBehaviour.READY_WITHOUT_EXPIRY)));

        assertThat(recording.media()).isInstanceOf(MediaLocation.RemoteUrl.class);
        assertThat(recording.media().expiresAt()).contains(fetchedAt.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aProcessingCallIsNotReadyUntilItsTimeThenReadinessWaitReturnsIt() {
        SessionId processing = call(KatavenBehaviour.PROCESSING_UNTIL_TIME);
        Instant readyAt = e2e.sandbox().startedAt().plus(KatavenEmulator.DEFAULT_READY_AFTER);

        TapedeckError first = left(kataven.recordings().primaryRecording(processing));
        Recording recording = right(new ReadinessWait(Duration.ofMinutes(5), e2e.clock(), e2e.sleeper())
                .until(() -> kataven.recordings().primaryRecording(processing)));

        assertThat(first).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(recording.sessionId()).isEqualTo(processing);
        assertThat(e2e.clock().instant()).isAfterOrEqualTo(readyAt);
        assertThat(e2e.sleeper().sleeps()).isNotEmpty();
        // 409 is not retried by the HTTP layer: every probe is exactly one request.
        assertThat(e2e.sandbox().emulation("kataven", KatavenApi.class).polls(processing.value())).isEqualTo(e2e.sleeper().sleeps().size() + 2);
    }

    @Test
    void aCallThatIsNotReadyForSomePollsIsReturnedByReadinessWaitOnTheNextOne() {
        SessionId processing = call(KatavenBehaviour.PROCESSING_UNTIL_POLLS);
        int notReadyPolls = KatavenEmulator.DEFAULT_READY_AFTER_POLLS;

        Recording recording = right(new ReadinessWait(Duration.ofMinutes(5), e2e.clock(), e2e.sleeper())
                .until(() -> kataven.recordings().primaryRecording(processing)));

        assertThat(recording.sessionId()).isEqualTo(processing);
        assertThat(e2e.sandbox().emulation("kataven", KatavenApi.class).polls(processing.value())).isEqualTo(notReadyPolls + 1);
        assertThat(e2e.sleeper().sleeps()).hasSize(notReadyPolls);
    }

    @Test
    void aCallWithoutRecordingIsNotFound() {
        TapedeckError error = left(kataven.recordings().primaryRecording(call(KatavenBehaviour.NO_RECORDING)));

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(e2e.sandbox().counters().requests("kataven")).isEqualTo(1);
    }

    @Test
    void playbackNotConfiguredIsAnUnsupportedFeatureThatIsNotRetried() {
        TapedeckError error = left(kataven.recordings().primaryRecording(call(KatavenBehaviour.NOT_CONFIGURED)));

        assertThat(error).isInstanceOf(TapedeckError.Unsupported.class);
        assertThat(error.message()).contains("HTTP 503");
        assertThat(e2e.sandbox().counters().requests("kataven")).isEqualTo(1);
        assertThat(e2e.sleeper().sleeps()).isEmpty();
    }

    @Test
    void anInternalErrorIsRetriedTwiceWithBackoffThenReported() {
        TapedeckError error = left(kataven.recordings().primaryRecording(call(KatavenBehaviour.INTERNAL_ERROR)));

        assertThat(error).isInstanceOfSatisfying(TapedeckError.ProviderFailure.class, failure -> {
            assertThat(failure.status()).isEqualTo(500);
            assertThat(failure.retryable()).isTrue();
        });
        assertThat(e2e.sandbox().counters().requests("kataven")).isEqualTo(3);
        assertThat(e2e.sleeper().sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void anUrlThatExpiredAfterListingIsRefreshedOnceAndTheDownloadSucceeds() throws IOException {
        Recording listed = right(kataven.recordings().primaryRecording(call(KatavenBehaviour.READY)));
        e2e.clock().advance(e2e.sandbox().options().presignTtl().plusMinutes(1));
        assertThat(listed.media().isExpiredAt(e2e.clock().instant())).isTrue();

        DownloadResult result = right(E2e.downloader(e2e, kataven).download(listed, temp, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(Files.readAllBytes(result.path())).isEqualTo(Media.callMp3());
        assertThat(e2e.sandbox().counters().requests("kataven")).isEqualTo(2);
        assertThat(e2e.sandbox().counters().requests(Origin.MEDIA)).isEqualTo(1);
    }

    @Test
    void historyIsUnsupported() {
        TapedeckError error = left(kataven.history().sessions(SessionQuery.all()));

        assertThat(kataven.capabilities().supports(Capability.SESSION_HISTORY)).isFalse();
        assertThat(error).isInstanceOf(TapedeckError.Unsupported.class);
        assertThat(error.provider()).isEqualTo("kataven");
        assertThat(e2e.sandbox().counters().requests("kataven")).isZero();
    }

    @Test
    void pausingIsUnsupported() {
        TapedeckError error = left(kataven.recordings().pause(call(KatavenBehaviour.READY)));

        assertThat(error).isInstanceOf(TapedeckError.Unsupported.class);
        assertThat(e2e.sandbox().counters().requests("kataven")).isZero();
    }

    private SessionId call(KatavenBehaviour behaviour) {
        return SessionId.of(e2e.sandbox().emulation("kataven", KatavenApi.class).seed().call(behaviour).id());
    }
}
