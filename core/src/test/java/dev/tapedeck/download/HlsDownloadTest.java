package dev.tapedeck.download;

import static dev.tapedeck.download.Folders.filesIn;
import static dev.tapedeck.model.TapedeckException.orThrow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.TapedeckError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HLS copies are bounded and checked: the playlist, each segment, and their total. */
class HlsDownloadTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final LoopbackMedia media = new LoopbackMedia();
    private final Downloader downloader = new Downloader(media.source(), CLOCK, DownloadOptions.defaults());

    @TempDir
    Path dir;

    HlsDownloadTest() throws IOException {
    }

    @AfterEach
    void stop() {
        media.close();
    }

    /** A playlist of {@code segments} relative segment lines {@code seg<i>.ts}, each served as 2 TS packets. */
    private Recording playlist(String id, int segments, int served) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:2\n");
        for (int i = 0; i < segments; i++) {
            text.append("#EXTINF:2.0,\n").append(id).append("/seg").append(i).append(".ts\n");
            if (i < served) {
                media.put("/hls/" + id + "/seg" + i + ".ts", LoopbackMedia.transportStream(2, i));
            }
        }
        text.append("#EXT-X-ENDLIST\n");
        return LoopbackMedia.recording("s1", id, RecordingFormat.HLS, new MediaLocation.InlinePlaylist(
                text.toString(), Optional.of(media.uri("/hls/index.m3u8")), Optional.empty())).build();
    }

    /** {@code hls} with the provider's size for all its segments. */
    private static Recording sized(Recording hls, long size) {
        return Recording.builder("loop", hls.sessionId(), hls.id(), RecordingFormat.HLS, hls.media()).sizeBytes(size)
                .build();
    }

    @Test
    void aSegmentThatIsAnHtmlPageIsRefusedAndNoPlaylistIsWritten() throws Exception {
        Recording hls = playlist("r1", 3, 3);
        media.put("/hls/r1/seg1.ts", "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8))
                .contentType("text/html");

        TapedeckError failure = downloader.download(hls, dir, DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(failure.message()).startsWith("segment 2 of 3 of recording r1")
                .contains("instead of an HLS media segment, the server sent an HTML page, 35 bytes");
        assertThat(dir.resolve("loop/s1/r1.m3u8")).doesNotExist();
    }

    @Test
    void aPlaylistOfTwoHundredThousandSegmentsIsRefusedBeforeAnyRequest() {
        Recording huge = playlist("r1", 200_000, 0);

        TapedeckError failure = downloader.download(huge, dir, DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(failure.message()).contains("references more than 100000 segments")
                .contains("DownloadOptions.maxPlaylistSegments");
        assertThat(media.requests()).isEmpty();
    }

    @Test
    void thePlaylistLimitsAreSettable() {
        Recording hls = playlist("r1", 5, 5);
        Downloader strict = downloader.withOptions(DownloadOptions.defaults().withPlaylistLimits(10_000, 4));
        Downloader tiny = downloader.withOptions(DownloadOptions.defaults().withPlaylistLimits(100, 50));

        assertThat(strict.download(hls, dir, DownloadListener.NONE).getLeft().message())
                .contains("more than 4 segments");
        assertThat(tiny.download(hls, dir, DownloadListener.NONE).getLeft().message())
                .contains("more than the 100 a download takes");
        assertThat(media.requests()).isEmpty();
        assertThat(orThrow(downloader.download(hls, dir,
                DownloadListener.NONE)).status()).isEqualTo(DownloadStatus.DOWNLOADED);
    }

    @Test
    void segmentsThatOutgrowTheProvidersSizeStopAsSoonAsTheyPassIt() {
        Recording declared = sized(playlist("r1", 10, 10), 3L * 376 + 100);

        TapedeckError failure = downloader.download(declared, dir, DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(failure.message()).startsWith("segment 4 of 10");
        assertThat(media.requests()).hasSize(4);
        assertThat(dir.resolve("loop/s1/r1.m3u8")).doesNotExist();
    }

    @Test
    void segmentsThatFallShortOfTheProvidersSizeAreNoCopy() {
        Recording declared = sized(playlist("r1", 3, 3), 3L * 376 + 1);

        TapedeckError failure = downloader.download(declared, dir, DownloadListener.NONE).getLeft();

        assertThat(failure.message()).contains("says its segments have 1129 bytes but 1128 arrived");
        assertThat(dir.resolve("loop/s1/r1.m3u8")).doesNotExist();
    }

    @Test
    void aResourceFolderLeftWithoutItsPlaylistIsClearedByTheNextDownload() throws Exception {
        Path stale = Files.createDirectories(dir.resolve("loop/s1/r1_segments"));
        Files.write(stale.resolve("00007.ts"), new byte[10]);
        Files.write(stale.resolve(".00001.ts.part"), new byte[10]);

        DownloadResult result = orThrow(downloader.download(playlist("r1", 2, 2), dir, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(filesIn(dir)).containsExactly("loop/s1/r1.m3u8", "loop/s1/r1_segments/00000.ts",
                "loop/s1/r1_segments/00001.ts");
    }

    @Test
    void severalPlaylistsOfOneSessionEachBecomeTheirOwnPlayableCopy() throws Exception {
        DownloadResult tab1 = orThrow(downloader.download(playlist("tab-1", 2, 2), dir, DownloadListener.NONE));
        DownloadResult tab2 = orThrow(downloader.download(playlist("tab-2", 3, 3), dir, DownloadListener.NONE));

        assertThat(tab1.relativePath()).isEqualTo("loop/s1/tab-1.m3u8");
        assertThat(tab2.relativePath()).isEqualTo("loop/s1/tab-2.m3u8");
        assertThat(filesIn(dir)).containsExactly("loop/s1/tab-1.m3u8", "loop/s1/tab-1_segments/00000.ts",
                "loop/s1/tab-1_segments/00001.ts", "loop/s1/tab-2.m3u8", "loop/s1/tab-2_segments/00000.ts",
                "loop/s1/tab-2_segments/00001.ts", "loop/s1/tab-2_segments/00002.ts");
        assertThat(Files.readString(dir.resolve("loop/s1/tab-2.m3u8"))).contains("tab-2_segments/00002.ts");
    }

    @Test
    void aKeyMayBeAnyBytesButNotText() {
        media.put("/hls/key.bin", LoopbackMedia.raw(16, 1));
        media.put("/hls/seg0.ts", LoopbackMedia.transportStream(2, 0));
        String text = "#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI=\"key.bin\"\n#EXTINF:2.0,\nseg0.ts\n#EXT-X-ENDLIST\n";
        Recording hls = LoopbackMedia.recording("s1", "r1", RecordingFormat.HLS, new MediaLocation.InlinePlaylist(
                text, Optional.of(media.uri("/hls/index.m3u8")), Optional.empty())).build();

        assertThat(orThrow(downloader.download(hls, dir, DownloadListener.NONE)).status())
                .isEqualTo(DownloadStatus.DOWNLOADED);

        media.put("/hls/key.bin", LoopbackMedia.raw(16, 1)).contentType("text/plain");
        TapedeckError refused = downloader.withOptions(DownloadOptions.defaults().withOverwrite(true))
                .download(hls, dir, DownloadListener.NONE).getLeft();
        assertThat(refused.message()).contains("instead of an HLS init section or key, the server "
                + "sent text/plain, 16 bytes");
    }
}
