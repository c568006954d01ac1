package dev.tapedeck.e2e;

import static dev.tapedeck.e2e.E2e.left;
import static dev.tapedeck.e2e.E2e.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.sandbox.kataven.KatavenApi;
import dev.tapedeck.sandbox.kataven.KatavenBehaviour;
import dev.tapedeck.sandbox.notte.NotteApi;
import dev.tapedeck.Connection;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.spi.Timeouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transient failures of the API and the media host, as the sandbox's switchable faults produce them. */
@TapedeckSandbox(clockStart = E2e.START_TEXT, settings = E2e.SMALL_LARGE_RECORDING, threads = 4)
class ResilienceE2eTest {

    @TempDir
    Path temp;

    private final SandboxClients e2e;

    ResilienceE2eTest(SandboxClients e2e) {
        this.e2e = e2e;
    }

    @Test
    void aListingSucceedsAfterTwo503s() {
        Connection anchor = e2e.connect("anchor");
        e2e.sandbox().faults().failNext(Origin.API, 2, 503);

        long listed = right(anchor.history().sessions(SessionQuery.builder().limit(10).build())).count();

        assertThat(listed).isEqualTo(10);
        assertThat(e2e.sandbox().counters().requests("anchor")).isEqualTo(3);
        assertThat(e2e.sleeper().sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void aStalledMediaBodyIsResumedFromWhereItStoppedAndTheFileIsComplete() throws IOException {
        // The body stops after its first chunk for an hour: the serving thread waits until the sandbox closes after
        // this class, while the read-idle timeout breaks the transfer and the download resumes on another thread.
        Connection anchor = e2e.connect("anchor", e2e.config("anchor")
                .timeouts(new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(1), Optional.empty())).build());
        Recording recording = right(anchor.recordings().primaryRecording(SessionId.of("sess_0001")));
        e2e.sandbox().faults().dribbleNext(Origin.MEDIA, 1, 4096, Duration.ofHours(1));
        List<Long> progress = new CopyOnWriteArrayList<>();

        DownloadResult result = right(E2e.downloader(e2e, anchor).download(recording, temp, new DownloadListener() {
            @Override
            public void progressed(long bytesSoFar) {
                progress.add(bytesSoFar);
            }
        }));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(Files.readAllBytes(result.path())).isEqualTo(Media.sampleMp4());
        assertThat(result.sha256()).isEqualTo(Media.sha256(Media.sampleMp4()));
        assertThat(e2e.sandbox().counters().requests(Origin.MEDIA)).isEqualTo(2);
        assertThat(progress).contains(4096L).endsWith((long) Media.sampleMp4().length).isSorted();
        try (var files = Files.list(result.path().getParent())) {
            assertThat(files.collect(Collectors.toList())).containsExactly(result.path());
        }
    }

    @Test
    void aMediaBodyCutShortIsResumedWithinTheRunFromWhereItStopped() throws IOException {
        Connection anchor = e2e.connect("anchor");
        Recording recording = right(anchor.recordings().primaryRecording(SessionId.of("sess_0001")));
        e2e.sandbox().faults().truncateNext(Origin.MEDIA, 1, 8_000);

        DownloadResult result = right(E2e.downloader(e2e, anchor).download(recording, temp, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(e2e.sandbox().counters().requests(Origin.MEDIA)).isEqualTo(2);
        assertThat(e2e.sandbox().counters().bodyBytesSent(Origin.MEDIA)).isEqualTo(Media.sampleMp4().length);
        assertThat(Files.readAllBytes(result.path())).isEqualTo(Media.sampleMp4());
        assertThat(result.sha256()).isEqualTo(Media.sha256(Media.sampleMp4()));
        try (var files = Files.list(result.path().getParent())) {
            assertThat(files.collect(Collectors.toList())).containsExactly(result.path());
        }
    }

    @Test
    void anHlsSegmentCutShortBeforeItsStartCanBeCheckedIsFetchedAgainWithinTheRun() throws IOException {
        Connection notte = e2e.connect("notte");
        String session = e2e.sandbox().emulation("notte", NotteApi.class).seed().hlsOnly().id();
        Recording replay = right(notte.recordings().primaryRecording(SessionId.of(session)));
        // The first segment announces its whole length but ends, cleanly, after 20 bytes: too few to tell MPEG-TS
        e2e.sandbox().faults().truncateNext(Origin.MEDIA, 1, 20);

        DownloadResult result = right(E2e.downloader(e2e, notte).download(replay, temp, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        Path segments = result.path().resolveSibling("replay_segments");
        assertThat(segments.resolve("00000.ts")).hasBinaryContent(Media.hlsSegment(0));
        assertThat(e2e.sandbox().counters().requests(Origin.MEDIA)).isEqualTo(4);
    }

    @Test
    void aBodyThatKeepsBreakingFailsAsIntegrityWithoutLeavingAFile() throws IOException {
        Connection anchor = e2e.connect("anchor");
        Recording recording = right(anchor.recordings().primaryRecording(SessionId.of("sess_0001")));
        e2e.sandbox().faults().truncateNext(Origin.MEDIA, 3, 0);

        TapedeckError failure = left(E2e.downloader(e2e, anchor).download(recording, temp, DownloadListener.NONE));

        assertThat(failure).isInstanceOf(TapedeckError.Integrity.class);
        try (var files = Files.walk(temp)) {
            assertThat(files.filter(Files::isRegularFile).collect(Collectors.toList())).isEmpty();
        }
    }

    @Test
    void anchorsRetryAfterIsHonouredExactly() {
        Connection anchor = e2e.connect("anchor");
        e2e.sandbox().faults().rateLimitNext(1, 7);

        long listed = right(anchor.history().sessions(SessionQuery.builder().limit(10).build())).count();

        assertThat(listed).isEqualTo(10);
        assertThat(e2e.sleeper().sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(e2e.sandbox().counters().requests("anchor")).isEqualTo(2);
    }

    @Test
    void katavensRetryAfterIsHonouredExactly() {
        Connection kataven = e2e.connect("kataven");
        e2e.sandbox().faults().rateLimitNext(1, 3);

        Recording recording = right(kataven.recordings().primaryRecording(
                SessionId.of(e2e.sandbox().emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.READY).id())));

        assertThat(recording.primary()).isTrue();
        assertThat(e2e.sleeper().sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(e2e.sandbox().counters().requests("kataven")).isEqualTo(2);
    }

    @Test
    void aNotteRateLimitIsRetriedAndTheCallSucceeds() {
        Connection notte = e2e.connect("notte");
        e2e.sandbox().faults().rateLimitNext(1, 4);

        Recording replay = right(notte.recordings().primaryRecording(
                SessionId.of(e2e.sandbox().emulation("notte", NotteApi.class).seed().closedWithMp4().id())));

        assertThat(replay.primary()).isTrue();
        assertThat(e2e.sleeper().sleeps()).hasSize(1);
        assertThat(e2e.sandbox().counters().requests("notte")).isEqualTo(2);
    }

    @Test
    void aRetryAfterBeyondTheCapFailsAtOnceCarryingTheWait() {
        Connection anchor = e2e.connect("anchor");
        e2e.sandbox().faults().rateLimitNext(1, 600);

        TapedeckError error = left(anchor.history().sessions(SessionQuery.builder().limit(10).build()));

        assertThat(error).isInstanceOfSatisfying(TapedeckError.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(600)));
        assertThat(e2e.sleeper().sleeps()).isEmpty();
        assertThat(e2e.sandbox().counters().requests("anchor")).isEqualTo(1);
    }
}
