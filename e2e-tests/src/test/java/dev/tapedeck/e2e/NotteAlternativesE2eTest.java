package dev.tapedeck.e2e;

import static dev.tapedeck.e2e.E2e.left;
import static dev.tapedeck.e2e.E2e.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.Connection;
import dev.tapedeck.archive.ArchiveListener;
import dev.tapedeck.archive.ArchiveOptions;
import dev.tapedeck.archive.ArchiveSummary;
import dev.tapedeck.archive.Archiver;
import dev.tapedeck.download.DownloadListener;
import dev.tapedeck.download.DownloadResult;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.model.MediaAlternative;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.notte.NotteApi;
import dev.tapedeck.sandbox.notte.NotteSeed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notte replays with more than one way to fetch them, against a sandbox whose HLS-only replays without expiry name
 * their segments relative to the replay: both ways kept, the MP4 preferred, the playlist used when the MP4 fails
 * (also in an archive, whose re-run then skips it), and a relative playlist saved so that it plays offline.
 */
@TapedeckSandbox(clockStart = E2e.START_TEXT, settings = {E2e.SMALL_LARGE_RECORDING,
        "notte.relative_segments=true"}, threads = 4)
class NotteAlternativesE2eTest {

    @TempDir
    Path temp;

    private final SandboxClients sandbox;
    private final Connection notte;

    NotteAlternativesE2eTest(SandboxClients sandbox) {
        this.sandbox = sandbox;
        this.notte = sandbox.connect("notte");
    }

    private NotteSeed seed() {
        return sandbox.sandbox().emulation("notte", NotteApi.class).seed();
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
        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
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

        assertThat(replay.alternatives()).extracting(MediaAlternative::format)
                .containsExactly(RecordingFormat.MP4, RecordingFormat.HLS);
        assertThat(replay.alternatives().get(0).media()).isInstanceOf(MediaLocation.RemoteUrl.class);
        assertThat(replay.alternatives().get(1).media()).isInstanceOf(MediaLocation.InlinePlaylist.class);

        DownloadResult result = right(E2e.downloader(sandbox, notte).download(replay, temp, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("notte/" + seed().closedWithMp4().id() + "/replay.mp4");
        assertThat(Files.readAllBytes(result.path())).isEqualTo(Media.sampleMp4());
        assertThat(filesBelow(temp)).containsExactly(Path.of(result.relativePath()).toString());
    }

    @Test
    void whenTheMp4FailsThePlaylistIsSavedInsteadAndALaterRunRecognisesIt() throws Exception {
        String session = seed().closedWithMp4().id();
        sandbox.sandbox().faults().onPaths("sample\\.mp4").failNext(Origin.MEDIA, 1, 404);
        List<TapedeckError> failures = new ArrayList<>();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void failed(TapedeckError error) {
                failures.add(error);
            }
        };

        DownloadResult result = right(E2e.downloader(sandbox, notte).download(replay(session), temp, listener));

        assertPlaysOffline(result);
        assertThat(result.relativePath()).isEqualTo("notte/" + session + "/replay.m3u8");
        assertThat(failures).as("a failure the playlist made good is no failure").isEmpty();
        assertThat(filesBelow(temp)).noneMatch(name -> name.endsWith(".mp4") || name.contains(".part"));

        DownloadResult again = right(E2e.downloader(sandbox, notte).download(replay(session), temp,
                DownloadListener.NONE));

        assertThat(again.status()).isEqualTo(DownloadStatus.SKIPPED);
        assertThat(again.relativePath()).isEqualTo(result.relativePath());
        assertThat(filesBelow(temp)).noneMatch(name -> name.endsWith(".mp4"));
    }

    @Test
    void anHtmlPageInsteadOfTheMp4AlsoFallsBackToThePlaylist() throws Exception {
        sandbox.sandbox().faults().onPaths("sample\\.mp4").htmlPageNext(Origin.MEDIA, 1);

        assertPlaysOffline(right(E2e.downloader(sandbox, notte).download(replay(seed().closedWithMp4().id()), temp,
                DownloadListener.NONE)));
    }

    @Test
    void whenEveryAlternativeFailsTheLastFailureIsReported() {
        sandbox.sandbox().faults().onPaths("sample\\.mp4").failNext(Origin.MEDIA, 1, 404);
        sandbox.sandbox().faults().onPaths("segment0\\.ts").failNext(Origin.MEDIA, 1, 404);

        TapedeckError error = left(E2e.downloader(sandbox, notte).download(replay(seed().closedWithMp4().id()),
                temp, DownloadListener.NONE));

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("segment0.ts");
    }

    @Test
    void anHlsOnlyReplayWithSegmentsRelativeToTheReplayDownloadsAndPlaysOffline() throws Exception {
        String session = seed().hlsOnlyWithoutExpiry().id();
        Recording replay = replay(session);
        MediaLocation.InlinePlaylist inline = (MediaLocation.InlinePlaylist) replay.media();
        assertThat(references(inline.content())).allMatch(uri -> uri.startsWith("replay/"));
        assertThat(inline.base()).contains(URI.create(sandbox.sandbox().clientSettings("notte").baseUrl()
                + "/sessions/" + session + "/replay"));

        assertPlaysOffline(right(E2e.downloader(sandbox, notte).download(replay, temp, DownloadListener.NONE)));
    }

    @Test
    void anArchiveRecordsThePlaylistItFellBackToAndItsReRunSkipsIt() {
        String session = seed().closedWithMp4().id();
        sandbox.sandbox().faults().onPaths("sample\\.mp4").failNext(Origin.MEDIA, 1, 404);
        Archiver archiver = new Archiver(notte.recordings(), notte.history(), sandbox.clock(), sandbox.sleeper());
        List<SessionId> ids = List.of(SessionId.of(session));

        ArchiveSummary first = right(archiver.archive(ids, temp, ArchiveOptions.defaults(), ArchiveListener.NONE));
        long mediaBefore = sandbox.sandbox().counters().requests(Origin.MEDIA);
        ArchiveSummary second = right(archiver.archive(ids, temp, ArchiveOptions.defaults(), ArchiveListener.NONE));

        assertThat(first.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(DownloadStatus.DOWNLOADED);
            assertThat(entry.path()).isEqualTo("notte/" + session + "/replay.m3u8");
        });
        assertThat(second.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(DownloadStatus.SKIPPED);
            assertThat(entry.path()).isEqualTo("notte/" + session + "/replay.m3u8");
        });
        assertThat(sandbox.sandbox().counters().requests(Origin.MEDIA)).isEqualTo(mediaBefore);
    }
}
