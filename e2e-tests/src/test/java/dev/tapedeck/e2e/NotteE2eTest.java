package dev.tapedeck.e2e;

import static dev.tapedeck.e2e.E2e.left;
import static dev.tapedeck.e2e.E2e.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.sandbox.notte.NotteApi;
import dev.tapedeck.sandbox.notte.NotteSession;
import dev.tapedeck.Connection;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.download.LocalCopy;
import dev.tapedeck.download.Fingerprint;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.wait.ReadinessWait;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notte through the public API: the whole history, client-side filters, MP4 and HLS replays, active sessions. */
@TapedeckSandbox(clockStart = E2e.START_TEXT, settings = E2e.SMALL_LARGE_RECORDING, threads = 4)
class NotteE2eTest {

    @TempDir
    Path temp;

    private final SandboxClients e2e;
    private final Connection notte;

    NotteE2eTest(SandboxClients e2e) {
        this.e2e = e2e;
        this.notte = e2e.connect("notte");
    }

    @Test
    void historyListsEverySessionIncludingTheActiveOnesNewestFirst() {
        List<Session> sessions = right(notte.history().sessions(SessionQuery.all())).collect(Collectors.toList());

        assertThat(sessions).extracting(s -> s.id().value()).containsExactlyElementsOf(expected(s -> true));
        assertThat(sessions).hasSize(32);
        assertThat(sessions).filteredOn(s -> s.status() == SessionStatus.ACTIVE).hasSize(6);
        assertThat(e2e.sandbox().counters().requests("notte")).isEqualTo(1);
    }

    @Test
    void statusFilterIsAppliedClientSide() {
        Instant now = e2e.clock().instant();
        List<String> failed = expected(s -> s.statusAt(now).equals("error"));
        List<String> active = expected(s -> s.activeAt(now));

        List<String> failedIds = ids(SessionQuery.builder().status(SessionStatus.FAILED).build());
        List<String> activeIds = ids(SessionQuery.builder().status(SessionStatus.ACTIVE).build());

        assertThat(failed).containsExactlyInAnyOrder("nsess_0007", "nsess_0017", "nsess_0027");
        assertThat(failedIds).containsExactlyElementsOf(failed);
        assertThat(active).hasSize(6);
        assertThat(activeIds).containsExactlyElementsOf(active);
        // Notte cannot filter, so each listing is one page of everything.
        assertThat(e2e.sandbox().counters().requests("notte")).isEqualTo(2);
    }

    @Test
    void aTagsFilterIsRefusedAsUnsupportedBeforeAnyRequest() {
        TapedeckError error = left(notte.history().sessions(SessionQuery.builder().tag("production").build()));

        assertThat(error).isInstanceOfSatisfying(TapedeckError.Unsupported.class, unsupported -> {
            assertThat(unsupported.provider()).isEqualTo("notte");
            assertThat(unsupported.what()).contains("tags");
            assertThat(unsupported.message()).contains("tags");
        });
        assertThat(e2e.sandbox().counters().requests("notte")).isZero();
    }

    @Test
    void anMp4ReplayDownloadsByteForByte() throws IOException {
        NotteSession seeded = e2e.sandbox().emulation("notte", NotteApi.class).seed().closedWithMp4();
        Recording replay = right(notte.recordings().primaryRecording(SessionId.of(seeded.id())));
        assertThat(replay.format()).isEqualTo(RecordingFormat.MP4);

        DownloadResult result = right(E2e.downloader(e2e, notte).download(replay, temp, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.path().getFileName().toString()).endsWith(".mp4");
        assertThat(Files.readAllBytes(result.path())).isEqualTo(Media.sampleMp4());
        assertThat(result.sha256()).isEqualTo(Media.sha256(Media.sampleMp4()));
    }

    @Test
    void anHlsOnlyReplayIsSavedAsAPlaylistOfLocalSegments() throws Exception {
        NotteSession seeded = e2e.sandbox().emulation("notte", NotteApi.class).seed().hlsOnly();
        Recording replay = right(notte.recordings().primaryRecording(SessionId.of(seeded.id())));
        assertThat(replay.media()).isInstanceOf(MediaLocation.InlinePlaylist.class);

        DownloadResult result = right(E2e.downloader(e2e, notte).download(replay, temp, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.path().getFileName().toString()).endsWith(".m3u8");
        String playlist = Files.readString(result.path(), StandardCharsets.UTF_8);
        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-ENDLIST").doesNotContain("signature", "http");
        List<String> references = playlist.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toList());
        assertThat(references).hasSize(3);
        Path folder = result.path().getParent();
        long total = Files.size(result.path());
        StringBuilder hashes = new StringBuilder(Media.sha256(result.path()));
        for (int i = 0; i < references.size(); i++) {
            URI reference = new URI(references.get(i));
            assertThat(reference.isAbsolute()).as("reference %s", reference).isFalse();
            Path segment = folder.resolve(reference.getPath()).normalize();
            assertThat(segment).startsWith(folder).isRegularFile();
            assertThat(Files.readAllBytes(segment)).as("segment %d", i).isEqualTo(Media.hlsSegment(i));
            total += Files.size(segment);
            hashes.append(Media.sha256(segment));
        }
        assertThat(result.sizeBytes()).isEqualTo(total);
        assertThat(result.sha256()).as("one SHA-256 over the playlist's and each segment's, in order")
                .isEqualTo(Media.sha256(hashes.toString().getBytes(StandardCharsets.US_ASCII)));
        assertThat(right(LocalCopy.measure(result.path()))).isEqualTo(new Fingerprint(total, result.sha256()));
    }

    @Test
    void anActiveSessionIsNotReady() {
        NotteSession active = e2e.sandbox().emulation("notte", NotteApi.class).seed().active();

        TapedeckError error = left(notte.recordings().primaryRecording(SessionId.of(active.id())));

        assertThat(error).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(error.message()).contains("still active");
        assertThat(error.isTransient()).isTrue();
    }

    @Test
    void readinessWaitTurnsAnActiveSessionIntoARecordingOnceItClosesAndItsReplayIsFinalised() {
        NotteSession active = e2e.sandbox().emulation("notte", NotteApi.class).seed().active();
        ReadinessWait wait = new ReadinessWait(Duration.ofMinutes(5), e2e.clock(), e2e.sleeper());

        Recording replay = right(wait.until(() -> notte.recordings().primaryRecording(SessionId.of(active.id()))));

        assertThat(replay.primary()).isTrue();
        assertThat(replay.format()).isEqualTo(RecordingFormat.MP4);
        assertThat(active.replayReadyAt()).isAfter(active.closesAt());
        assertThat(e2e.clock().instant()).isAfterOrEqualTo(active.replayReadyAt());
        // It stopped polling at the first probe after the replay was finalised: the last pause crossed that time.
        Duration beforeLastPause = e2e.sleeper().total().minus(e2e.sleeper().sleeps().get(e2e.sleeper().sleeps().size() - 1));
        assertThat(E2e.START.plus(beforeLastPause)).isBefore(active.replayReadyAt());
        // While it was finalised, each probe asked for the session too and then waited Notte's SDK's 5 s.
        long finalisingProbes = e2e.sandbox().counters().requests("notte") - (e2e.sleeper().sleeps().size() + 1L);
        assertThat(finalisingProbes).isPositive();
        assertThat(e2e.sleeper().sleeps().subList(e2e.sleeper().sleeps().size() - (int) finalisingProbes,
                e2e.sleeper().sleeps().size())).containsOnly(Duration.ofSeconds(5));
    }

    @Test
    void aClosedSessionWhoseReplayIsStillBeingFinalisedIsNotReadyAndAnUnknownOneIsNotFound() {
        NotteSession active = e2e.sandbox().emulation("notte", NotteApi.class).seed().active();
        e2e.clock().advance(Duration.between(E2e.START, active.closesAt()));

        TapedeckError finalising = left(notte.recordings().primaryRecording(SessionId.of(active.id())));
        TapedeckError unknown = left(notte.recordings().primaryRecording(SessionId.of("nsess_9999")));

        assertThat(finalising).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(finalising.message()).contains("finalising");
        assertThat(unknown).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(unknown.message()).contains("no session nsess_9999");
    }

    private List<String> ids(SessionQuery query) {
        return right(notte.history().sessions(query)).map(s -> s.id().value()).collect(Collectors.toList());
    }

    /** The seeded ids that pass {@code test}, newest first as Notte lists them. */
    private List<String> expected(Predicate<NotteSession> test) {
        return e2e.sandbox().emulation("notte", NotteApi.class).seed().sessions().stream().filter(test)
                .sorted(Comparator.comparing(NotteSession::createdAt).reversed().thenComparing(NotteSession::id))
                .map(NotteSession::id).collect(Collectors.toList());
    }
}
