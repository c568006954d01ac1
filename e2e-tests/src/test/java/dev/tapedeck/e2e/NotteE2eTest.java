package dev.tapedeck.e2e;

import static dev.tapedeck.e2e.SandboxFixture.left;
import static dev.tapedeck.e2e.SandboxFixture.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.archive.ArchiveListener;
import dev.tapedeck.archive.ArchiveOptions;
import dev.tapedeck.archive.ArchiveSummary;
import dev.tapedeck.archive.Archiver;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.download.Fingerprint;
import dev.tapedeck.download.LocalCopy;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.SessionStatus;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.notte.NotteApi;
import dev.tapedeck.sandbox.notte.NotteEmulator;
import dev.tapedeck.sandbox.notte.NotteSeed;
import dev.tapedeck.sandbox.notte.NotteSession;
import dev.tapedeck.wait.ReadinessWait;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notte through the public API: the whole history, client-side filters, MP4 and HLS replays, active sessions, and
 * replays with more than one way to fetch them: both kept, the MP4 preferred, the playlist used when the MP4 fails,
 * and an HLS-only replay whose segment URIs are relative to the replay's URL saved so that it plays offline.
 */
class NotteE2eTest {

    @TempDir
    Path temp;

    @RegisterExtension
    final SandboxFixture e2e = SandboxFixture.start();
    private final Connection notte = e2e.connect("notte");

    @Test
    void historyListsEverySessionIncludingTheActiveOnesNewestFirst() {
        List<Session> sessions = right(notte.history().sessions(SessionQuery.all())).collect(Collectors.toList());

        assertThat(sessions).extracting(s -> s.id().value()).containsExactlyElementsOf(expected(s -> true));
        assertThat(sessions).hasSize(32);
        assertThat(sessions).filteredOn(s -> s.status() == SessionStatus.ACTIVE).hasSize(6);
        assertThat(e2e.apiRequests("notte")).isEqualTo(1);
    }

    @Test
    void statusFilterIsAppliedClientSide() {
        Instant now = e2e.clock.instant();
        List<String> failed = expected(s -> s.statusAt(now).equals("error"));
        List<String> active = expected(s -> s.activeAt(now));

        List<String> failedIds = ids(SessionQuery.builder().status(SessionStatus.FAILED).build());
        List<String> activeIds = ids(SessionQuery.builder().status(SessionStatus.ACTIVE).build());

        assertThat(failed).containsExactlyInAnyOrder("nsess_0007", "nsess_0017", "nsess_0027");
        assertThat(failedIds).containsExactlyElementsOf(failed);
        assertThat(active).hasSize(6);
        assertThat(activeIds).containsExactlyElementsOf(active);
        // Notte cannot filter, so each listing is one page of everything.
        assertThat(e2e.apiRequests("notte")).isEqualTo(2);
    }

    @Test
    void aTagsFilterIsRefusedAsUnsupportedBeforeAnyRequest() {
        TapedeckError error = left(notte.history().sessions(SessionQuery.builder().tag("production").build()));

        assertThat(error).isInstanceOfSatisfying(TapedeckError.Unsupported.class, unsupported -> {
            assertThat(unsupported.provider()).isEqualTo("notte");
            assertThat(unsupported.what()).contains("tags");
            assertThat(unsupported.message()).contains("tags");
        });
        assertThat(e2e.apiRequests("notte")).isZero();
    }

    @Test
    void anMp4ReplayDownloadsByteForByte() throws IOException {
        NotteSession seeded = e2e.sandbox.emulation("notte", NotteApi.class).seed().closedWithMp4();
        Recording replay = right(notte.recordings().primaryRecording(SessionId.of(seeded.id())));
        assertThat(replay.format()).isEqualTo(RecordingFormat.MP4);

        DownloadResult result = e2e.downloader(notte).download(replay, temp, DownloadListener.NONE);

        assertThat(result.status()).as("%s", result.error()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.path().getFileName().toString()).endsWith(".mp4");
        assertThat(Files.readAllBytes(result.path())).isEqualTo(Media.sampleMp4());
        assertThat(result.sha256()).isEqualTo(Media.sha256(Media.sampleMp4()));
    }

    @Test
    void anHlsOnlyReplayIsSavedAsAPlaylistOfLocalSegments() throws Exception {
        NotteSession seeded = e2e.sandbox.emulation("notte", NotteApi.class).seed().hlsOnly();
        Recording replay = right(notte.recordings().primaryRecording(SessionId.of(seeded.id())));
        assertThat(replay.media()).isInstanceOf(MediaLocation.InlinePlaylist.class);

        DownloadResult result = e2e.downloader(notte).download(replay, temp, DownloadListener.NONE);

        assertThat(result.status()).as("%s", result.error()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.path().getFileName().toString()).endsWith(".m3u8");
        String playlist = Files.readString(result.path(), StandardCharsets.UTF_8);
        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-ENDLIST").doesNotContain("signature", "http");
        List<String> references = playlist.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toList());
        assertThat(references).hasSize(3);
        Path folder = result.path().getParent();
        long total = Files.size(result.path());
        for (int i = 0; i < references.size(); i++) {
            URI reference = new URI(references.get(i));
            assertThat(reference.isAbsolute()).as("reference %s", reference).isFalse();
            Path segment = folder.resolve(reference.getPath()).normalize();
            assertThat(segment).startsWith(folder).isRegularFile();
            assertThat(Files.readAllBytes(segment)).as("segment %d", i).isEqualTo(Media.hlsSegment(i));
            total += Files.size(segment);
        }
        assertThat(result.sizeBytes()).isEqualTo(total);
        assertThat(result.sha256()).isEqualTo(Media.sha256(result.path()));
        assertThat(right(LocalCopy.measure(result.path()))).isEqualTo(new Fingerprint(total, result.sha256()));
    }

    private NotteSeed seed() {
        return e2e.sandbox.emulation("notte", NotteApi.class).seed();
    }

    private Recording replay(String session) {
        return right(notte.recordings().primaryRecording(SessionId.of(session)));
    }

    private static List<String> references(String playlist) {
        return playlist.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toList());
    }

    /** Every file the saved playlist references is there, beside it, and holds segment {@code i} of the sandbox. */
    private static void assertPlaysOffline(DownloadResult result) throws Exception {
        assertThat(result.status()).as("%s", result.error()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.path().getFileName().toString()).isEqualTo("replay.m3u8");
        String playlist = Files.readString(result.path(), StandardCharsets.UTF_8);
        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-ENDLIST").doesNotContain("http", "replay/");
        List<String> references = references(playlist);
        assertThat(references).hasSize(3);
        Path folder = result.path().getParent();
        for (int i = 0; i < references.size(); i++) {
            URI reference = new URI(references.get(i));
            assertThat(reference.isAbsolute()).isFalse();
            Path segment = folder.resolve(reference.getPath()).normalize();
            assertThat(segment).startsWith(folder).isRegularFile();
            assertThat(Files.readAllBytes(segment)).as("segment %d", i).isEqualTo(Media.hlsSegment(i));
        }
    }

    private List<String> filesBelow(Path root) throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> names.add(root.relativize(file).toString()));
        }
        names.sort(null);
        return names;
    }

    @Test
    void aReplayWithMp4AndPlaylistKeepsBothAndDownloadsTheMp4() throws Exception {
        Recording replay = replay(seed().closedWithMp4().id());

        assertThat(replay.alternatives()).extracting(a -> a.format())
                .containsExactly(RecordingFormat.MP4, RecordingFormat.HLS);
        assertThat(replay.alternatives().get(0).media()).isInstanceOf(MediaLocation.RemoteUrl.class);
        assertThat(replay.alternatives().get(1).media()).isInstanceOf(MediaLocation.InlinePlaylist.class);

        DownloadResult result = e2e.downloader(notte).download(replay, temp, DownloadListener.NONE);

        assertThat(result.status()).as("%s", result.error()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("notte/" + seed().closedWithMp4().id() + "/replay.mp4");
        assertThat(Files.readAllBytes(result.path())).isEqualTo(Media.sampleMp4());
        assertThat(filesBelow(temp)).containsExactly(Path.of(result.relativePath()).toString());
    }

    @Test
    void whenTheMp4FailsThePlaylistIsSavedInsteadAndALaterRunRecognisesIt() throws Exception {
        String session = seed().closedWithMp4().id();
        e2e.sandbox.faults().onPaths("sample\\.mp4").failNext(Origin.MEDIA, 1, 404);
        List<TapedeckError> failures = new ArrayList<>();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void failed(TapedeckError error) {
                failures.add(error);
            }
        };

        DownloadResult result = e2e.downloader(notte).download(replay(session), temp, listener);

        assertPlaysOffline(result);
        assertThat(result.relativePath()).isEqualTo("notte/" + session + "/replay.m3u8");
        assertThat(failures).as("a failure the playlist made good is no failure").isEmpty();
        assertThat(filesBelow(temp)).noneMatch(name -> name.endsWith(".mp4") || name.contains(".part"));

        DownloadResult again = e2e.downloader(notte).download(replay(session), temp, DownloadListener.NONE);

        assertThat(again.status()).as("%s", again.error()).isEqualTo(DownloadStatus.SKIPPED);
        assertThat(again.relativePath()).isEqualTo(result.relativePath());
        assertThat(filesBelow(temp)).noneMatch(name -> name.endsWith(".mp4"));
    }

    @Test
    void anHtmlPageInsteadOfTheMp4AlsoFallsBackToThePlaylist() throws Exception {
        e2e.sandbox.faults().onPaths("sample\\.mp4").htmlPageNext(Origin.MEDIA, 1);

        assertPlaysOffline(e2e.downloader(notte).download(replay(seed().closedWithMp4().id()), temp,
                DownloadListener.NONE));
    }

    @Test
    void whenEveryAlternativeFailsTheLastFailureIsReported() {
        e2e.sandbox.faults().onPaths("sample\\.mp4").failNext(Origin.MEDIA, 1, 404);
        e2e.sandbox.faults().onPaths("segment0\\.ts").failNext(Origin.MEDIA, 1, 404);

        DownloadResult result = e2e.downloader(notte).download(replay(seed().closedWithMp4().id()), temp,
                DownloadListener.NONE);

        assertThat(result.status()).isEqualTo(DownloadStatus.FAILED);
        assertThat(result.error()).get().isInstanceOf(TapedeckError.NotFound.class);
        assertThat(result.relativePath()).endsWith("/replay.m3u8");
    }

    @Test
    void anHlsOnlyReplayWithSegmentsRelativeToTheReplayDownloadsAndPlaysOffline() throws Exception {
        try (SandboxFixture relative = SandboxFixture.start(options -> options.setting("notte",
                NotteEmulator.RELATIVE_SEGMENTS, "true"))) {
            Connection connection = relative.connect("notte");
            String session = relative.sandbox.emulation("notte", NotteApi.class).seed().hlsOnlyWithoutExpiry().id();
            Recording replay = right(connection.recordings().primaryRecording(SessionId.of(session)));
            MediaLocation.InlinePlaylist inline = (MediaLocation.InlinePlaylist) replay.media();
            assertThat(references(inline.content())).allMatch(uri -> uri.startsWith("replay/"));
            assertThat(inline.base()).contains(URI.create(relative.baseUrl("notte") + "/sessions/" + session
                    + "/replay"));

            assertPlaysOffline(relative.downloader(connection).download(replay, temp, DownloadListener.NONE));
        }
    }

    @Test
    void anArchiveRecordsThePlaylistItFellBackToAndItsReRunSkipsIt() {
        String session = seed().closedWithMp4().id();
        e2e.sandbox.faults().onPaths("sample\\.mp4").failNext(Origin.MEDIA, 1, 404);
        Archiver archiver = new Archiver(notte.recordings(), notte.history(), e2e.clock, e2e.sleeper);
        List<SessionId> ids = List.of(SessionId.of(session));

        ArchiveSummary first = right(archiver.archive(ids, temp, ArchiveOptions.defaults(), ArchiveListener.NONE));
        long mediaBefore = e2e.mediaRequests();
        ArchiveSummary second = right(archiver.archive(ids, temp, ArchiveOptions.defaults(), ArchiveListener.NONE));

        assertThat(first.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(DownloadStatus.DOWNLOADED);
            assertThat(entry.path()).isEqualTo("notte/" + session + "/replay.m3u8");
        });
        assertThat(second.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(DownloadStatus.SKIPPED);
            assertThat(entry.path()).isEqualTo("notte/" + session + "/replay.m3u8");
        });
        assertThat(e2e.mediaRequests()).isEqualTo(mediaBefore);
    }

    @Test
    void anActiveSessionIsNotReady() {
        NotteSession active = e2e.sandbox.emulation("notte", NotteApi.class).seed().active();

        TapedeckError error = left(notte.recordings().primaryRecording(SessionId.of(active.id())));

        assertThat(error).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(error.message()).contains("still active");
        assertThat(error.isTransient()).isTrue();
    }

    @Test
    void readinessWaitTurnsAnActiveSessionIntoARecordingOnceItClosesAndItsReplayIsFinalised() {
        NotteSession active = e2e.sandbox.emulation("notte", NotteApi.class).seed().active();
        ReadinessWait wait = new ReadinessWait(Duration.ofMinutes(5), e2e.clock, e2e.sleeper);

        Recording replay = right(wait.until(() -> notte.recordings().primaryRecording(SessionId.of(active.id()))));

        assertThat(replay.primary()).isTrue();
        assertThat(replay.format()).isEqualTo(RecordingFormat.MP4);
        assertThat(active.replayReadyAt()).isAfter(active.closesAt());
        assertThat(e2e.clock.instant()).isAfterOrEqualTo(active.replayReadyAt());
        // It stopped polling at the first probe after the replay was finalised: the last pause crossed that time.
        Duration beforeLastPause = e2e.sleeper.total().minus(e2e.sleeper.sleeps().get(e2e.sleeper.sleeps().size() - 1));
        assertThat(SandboxFixture.START.plus(beforeLastPause)).isBefore(active.replayReadyAt());
        // While it was finalised, each probe asked for the session too and then waited Notte's SDK's 5 s.
        long finalisingProbes = e2e.apiRequests("notte") - (e2e.sleeper.sleeps().size() + 1L);
        assertThat(finalisingProbes).isPositive();
        assertThat(e2e.sleeper.sleeps().subList(e2e.sleeper.sleeps().size() - (int) finalisingProbes,
                e2e.sleeper.sleeps().size())).containsOnly(Duration.ofSeconds(5));
    }

    @Test
    void aClosedSessionWhoseReplayIsStillBeingFinalisedIsNotReadyAndAnUnknownOneIsNotFound() {
        NotteSession active = e2e.sandbox.emulation("notte", NotteApi.class).seed().active();
        e2e.clock.advance(Duration.between(SandboxFixture.START, active.closesAt()));

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
        return e2e.sandbox.emulation("notte", NotteApi.class).seed().sessions().stream().filter(test)
                .sorted(Comparator.comparing(NotteSession::createdAt).reversed().thenComparing(NotteSession::id))
                .map(NotteSession::id).collect(Collectors.toList());
    }
}
