package dev.tapedeck.download;

import static dev.tapedeck.download.Folders.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.MediaAlternative;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.TapedeckError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording with several ways to fetch it: the first that works is saved, under the name of its own format. */
class AlternativesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final byte[] MP4 = LoopbackMedia.bytes(4096, 1);

    private final LoopbackMedia media = new LoopbackMedia();
    private final Downloader downloader = new Downloader(media.source(), CLOCK, DownloadOptions.defaults());

    @TempDir
    Path dir;

    AlternativesTest() throws IOException {
    }

    @AfterEach
    void stop() {
        media.close();
    }

    /** An MP4 at {@code /r1.mp4} and, as its alternative, an inline playlist of two segments. */
    private Recording mp4OrPlaylist() {
        media.put("/r1.mp4", MP4);
        String playlist = "#EXTM3U\n#EXTINF:2.0,\nseg0.ts\n#EXTINF:2.0,\nseg1.ts\n#EXT-X-ENDLIST\n";
        media.put("/hls/seg0.ts", LoopbackMedia.transportStream(2, 0));
        media.put("/hls/seg1.ts", LoopbackMedia.transportStream(2, 1));
        return LoopbackMedia.recording("s1", "r1", RecordingFormat.HLS, new MediaLocation.InlinePlaylist(playlist,
                        Optional.of(media.uri("/hls/index.m3u8")), Optional.empty()))
                .alternative(MediaAlternative.of(RecordingFormat.MP4, new MediaLocation.RemoteUrl(media.uri("/r1.mp4"),
                        Optional.empty())).withSize((long) MP4.length))
                .build();
    }

    @Test
    void theMp4ComesFirstWhateverOrderTheProviderGaveThemIn() {
        Recording recording = mp4OrPlaylist();

        DownloadResult result = downloader.download(recording, dir, DownloadListener.NONE);

        assertThat(recording.format()).isEqualTo(RecordingFormat.MP4);
        assertThat(recording.sizeBytes()).contains((long) MP4.length);
        assertThat(result.status()).as("%s", result.error()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("loop/s1/r1.mp4");
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::path).containsExactly("/r1.mp4");
    }

    @Test
    void aRefusedMp4FallsBackToThePlaylistWhichTheProviderSizeOfTheMp4DoesNotBind() throws Exception {
        Recording recording = mp4OrPlaylist();
        media.put("/r1.mp4", MP4).fail(404, 1);

        DownloadResult result = downloader.download(recording, dir, DownloadListener.NONE);

        assertThat(result.status()).as("%s", result.error()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("loop/s1/r1.m3u8");
        assertThat(filesIn(dir.resolve("loop/s1"))).doesNotContain("r1.mp4");
    }

    @Test
    void aStorageProblemOrARecordingNotReadyYetDoesNotFallBack() throws IOException {
        Files.createDirectories(dir.resolve("loop/s1/r1.mp4"));

        DownloadResult blocked = downloader.download(mp4OrPlaylist(), dir, DownloadListener.NONE);

        assertThat(blocked.error()).get().isInstanceOf(TapedeckError.Storage.class);
        assertThat(dir.resolve("loop/s1/r1.m3u8")).doesNotExist();
        Files.delete(dir.resolve("loop/s1/r1.mp4"));

        Recording again = mp4OrPlaylist();
        media.put("/r1.mp4", MP4).fail(409, 1);
        DownloadResult notReady = downloader.download(again, dir, DownloadListener.NONE);

        assertThat(notReady.error()).get().isInstanceOf(TapedeckError.NotReady.class);
        assertThat(dir.resolve("loop/s1/r1.m3u8")).doesNotExist();
    }

    @Test
    void theProvidersPreferenceGoesFirst() {
        Recording mp4First = mp4OrPlaylist();
        Recording recording = LoopbackMedia.recording("s1", "r1", RecordingFormat.MP4, mp4First.media())
                .sizeBytes((long) MP4.length)
                .alternative(mp4First.alternatives().get(1).asPreferred())
                .build();

        DownloadResult result = downloader.download(recording, dir, DownloadListener.NONE);

        assertThat(recording.alternatives()).extracting(MediaAlternative::format)
                .containsExactly(RecordingFormat.HLS, RecordingFormat.MP4);
        assertThat(result.status()).as("%s", result.error()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("loop/s1/r1.m3u8");
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::path).doesNotContain("/r1.mp4");
    }
}
