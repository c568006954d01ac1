package dev.tapedeck.download;

import static dev.tapedeck.download.Folders.filesIn;
import static dev.tapedeck.model.TapedeckException.orThrow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HLS copies are bounded and checked: the playlist, each segment, and their total; and only a finished recording
 * (a playlist with {@code #EXT-X-ENDLIST}, or of type VOD) is copied.
 */
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
        return inline(id, text.toString());
    }

    /** Recording {@code id} whose playlist, {@code text}, came inline, its relative URIs resolving under /hls/. */
    private Recording inline(String id, String text) {
        return LoopbackMedia.recording("s1", id, RecordingFormat.HLS, new MediaLocation.InlinePlaylist(text,
                Optional.of(media.uri("/hls/index.m3u8")), Optional.empty())).build();
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
    void anInlinePlaylistThatIsAnHtmlPageIsRefusedAsNoPlaylistBeforeAnyRequest() {
        Recording page = LoopbackMedia.recording("s1", "r1", RecordingFormat.HLS, new MediaLocation.InlinePlaylist(
                "<html><body>Bad gateway</body></html>", Optional.of(media.uri("/hls/index.m3u8")),
                Optional.empty())).build();

        TapedeckError failure = downloader.download(page, dir, DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(failure.message()).contains("is not an HLS playlist", "#EXTM3U", "nothing was kept");
        assertThat(media.requests()).isEmpty();
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
    void segmentsWithoutAProvidersSizeStopOnceTheyPassTheLargestRecordingSaved() {
        Recording undeclared = playlist("r1", 10, 10);

        TapedeckError failure = downloader.withOptions(DownloadOptions.defaults().withMaxRecordingBytes(3L * 376 + 100))
                .download(undeclared, dir, DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(failure.message()).startsWith("segment 4 of 10").contains("--max-size");
        assertThat(media.requests()).hasSize(4);
        assertThat(dir.resolve("loop/s1/r1.m3u8")).doesNotExist();
        assertThat(dir.resolve("loop/s1/r1_segments")).as("nothing kept of a copy that is not whole").doesNotExist();
    }

    @Test
    void aProvidersSizeAboveTheLargestRecordingSavedDoesNotLiftTheLimit() {
        Recording declared = sized(playlist("r1", 10, 10), 10L * 376);

        TapedeckError failure = downloader.withOptions(DownloadOptions.defaults().withMaxRecordingBytes(3L * 376 + 100))
                .download(declared, dir, DownloadListener.NONE).getLeft();

        assertThat(failure.message()).startsWith("segment 4 of 10").contains("--max-size");
        assertThat(media.requests()).hasSize(4);
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
        Recording hls = inline("r1", "#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI=\"key.bin\"\n#EXTINF:2.0,\nseg0.ts\n"
                + "#EXT-X-ENDLIST\n");

        assertThat(orThrow(downloader.download(hls, dir, DownloadListener.NONE)).status())
                .isEqualTo(DownloadStatus.DOWNLOADED);

        media.put("/hls/key.bin", LoopbackMedia.raw(16, 1)).contentType("text/plain");
        TapedeckError refused = downloader.withOptions(DownloadOptions.defaults().withOverwrite(true))
                .download(hls, dir, DownloadListener.NONE).getLeft();
        assertThat(refused.message()).contains("instead of an HLS init section or key, the server "
                + "sent text/plain, 16 bytes");
    }

    @Test
    void aPlaylistStillBeingWrittenIsNotReadyLeavesNothingAndIsTakenOnceFinished() throws Exception {
        String finished = relativePlaylist("/hls/", 3);
        Recording listed = inline("r1", finished.substring(0, finished.indexOf("#EXTINF:2.0,\nseg2.ts")));
        LoopbackMedia.Source source = media.source().refreshWith(recording -> Either.right(listed));
        Downloader fromSource = new Downloader(source, CLOCK, DownloadOptions.defaults());

        TapedeckError waiting = fromSource.download(listed, dir, DownloadListener.NONE).getLeft();

        assertThat(waiting).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(waiting.message()).isEqualTo("recording r1 of session s1 at loop: the HLS playlist has no "
                + "#EXT-X-ENDLIST, so the recording is still being written");
        assertThat(source.refreshes()).as("the listed playlist is asked for again, once").isEqualTo(1);
        assertThat(media.requests()).isEmpty();
        assertThat(filesIn(dir)).as("no playlist, segment, .part or lock file").isEmpty();
        assertThat(dir.resolve("loop/s1/r1_segments")).doesNotExist();

        // The same listing downloaded again, as an archive that waits does: the provider now has it finished.
        source.refreshWith(recording -> Either.right(inline("r1", finished)));
        DownloadResult taken = fromSource.download(listed, dir, DownloadListener.NONE).get();

        assertPlaysOffline(taken, 3);
        assertThat(Files.readString(taken.path())).endsWith("#EXT-X-ENDLIST\n");
        assertThat(filesIn(dir)).containsExactly("loop/s1/r1.m3u8", "loop/s1/r1_segments/00000.ts",
                "loop/s1/r1_segments/00001.ts", "loop/s1/r1_segments/00002.ts");
    }

    @Test
    void aVodPlaylistIsFinishedWithoutItsEndlistButAnEventPlaylistIsNot() throws Exception {
        String vod = relativePlaylist("/hls/", 2).replace("#EXTM3U\n", "#EXTM3U\n#EXT-X-PLAYLIST-TYPE:VOD\n")
                .replace("#EXT-X-ENDLIST\n", "");
        String event = vod.replace("TYPE:VOD", "TYPE:EVENT");
        Downloader fromSource = new Downloader(media.source().refreshWith(Either::right), CLOCK,
                DownloadOptions.defaults());

        TapedeckError growing = fromSource.download(inline("event", event), dir, DownloadListener.NONE).getLeft();
        DownloadResult whole = fromSource.download(inline("vod", vod), dir, DownloadListener.NONE).get();

        assertThat(growing).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(growing.message()).contains("recording event ", "no #EXT-X-ENDLIST", "still being written");
        assertPlaysOffline(whole, 2);
        assertThat(filesIn(dir)).noneMatch(name -> name.contains("event"));
    }

    @Test
    void aPlaylistAtAUrlStillBeingWrittenIsNotReadyWithoutAskingTheProviderAgain() throws Exception {
        String finished = relativePlaylist("/byurl/", 2);
        media.put("/byurl/index.m3u8", finished.replace("#EXT-X-ENDLIST\n", "").getBytes(StandardCharsets.UTF_8))
                .contentType("application/vnd.apple.mpegurl");
        Recording hls = LoopbackMedia.recording("s1", "r5", RecordingFormat.HLS, new MediaLocation.RemoteUrl(
                media.uri("/byurl/index.m3u8"), Optional.empty())).build();
        LoopbackMedia.Source source = media.source();
        Downloader fromSource = new Downloader(source, CLOCK, DownloadOptions.defaults());

        TapedeckError waiting = fromSource.download(hls, dir, DownloadListener.NONE).getLeft();

        assertThat(waiting).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(media.requests()).as("the playlist, fetched fresh; no segment").hasSize(1);
        assertThat(source.refreshes()).isZero();
        assertThat(filesIn(dir)).isEmpty();

        media.put("/byurl/index.m3u8", finished.getBytes(StandardCharsets.UTF_8))
                .contentType("application/vnd.apple.mpegurl");
        assertPlaysOffline(fromSource.download(hls, dir, DownloadListener.NONE).get(), 2);
    }

    /** A playlist text whose segments {@code seg<i>.ts} are relative, served from {@code folder}. */
    private String relativePlaylist(String folder, int segments) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:2\n");
        for (int i = 0; i < segments; i++) {
            text.append("#EXTINF:2.0,\nseg").append(i).append(".ts\n");
            media.put(folder + "seg" + i + ".ts", LoopbackMedia.transportStream(2, i));
        }
        return text.append("#EXT-X-ENDLIST\n").toString();
    }

    /** The saved playlist's references resolve to files beside it holding segment {@code i}'s bytes. */
    private static void assertPlaysOffline(DownloadResult result, int segments) throws IOException {
        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        List<String> references = Files.readAllLines(result.path()).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toList());
        assertThat(references).hasSize(segments);
        for (int i = 0; i < segments; i++) {
            assertThat(Files.readAllBytes(result.path().resolveSibling(references.get(i))))
                    .isEqualTo(LoopbackMedia.transportStream(2, i));
        }
    }

    @Test
    void aPlaylistAtAUrlIsFetchedAndSavedWithSegmentsRelativeToIt() throws Exception {
        media.put("/byurl/index.m3u8", relativePlaylist("/byurl/", 3).getBytes(StandardCharsets.UTF_8))
                .contentType("application/vnd.apple.mpegurl");
        Recording hls = LoopbackMedia.recording("s1", "r5", RecordingFormat.HLS, new MediaLocation.RemoteUrl(
                media.uri("/byurl/index.m3u8"), Optional.empty())).build();

        DownloadResult result = downloader.download(hls, dir, DownloadListener.NONE).get();

        assertPlaysOffline(result, 3);
        assertThat(result.relativePath()).isEqualTo("loop/s1/r5.m3u8");
    }

    @Test
    void aPlaylistTheProviderStreamsResolvesAgainstTheUrlItCameFrom() throws Exception {
        media.put("/provider/r6", relativePlaylist("/provider/", 2).getBytes(StandardCharsets.UTF_8))
                .contentType("application/vnd.apple.mpegurl");
        Recording hls = LoopbackMedia.recording("s1", "r6", RecordingFormat.HLS,
                new MediaLocation.ProviderStream("the playlist of r6")).build();

        assertPlaysOffline(downloader.download(hls, dir, DownloadListener.NONE).get(), 2);
    }

    @Test
    void aPlaylistAtAUrlIsBoundedAndMustBeAPlaylist() {
        String text = relativePlaylist("/big/", 3);
        media.put("/big/index.m3u8", text.getBytes(StandardCharsets.UTF_8));
        media.put("/page/index.m3u8", "<html><body>sign in</body></html>".getBytes(StandardCharsets.UTF_8))
                .contentType("text/html");
        Recording big = LoopbackMedia.recording("s1", "r7", RecordingFormat.HLS, new MediaLocation.RemoteUrl(
                media.uri("/big/index.m3u8"), Optional.empty())).build();
        Recording page = LoopbackMedia.recording("s1", "r8", RecordingFormat.HLS, new MediaLocation.RemoteUrl(
                media.uri("/page/index.m3u8"), Optional.empty())).build();

        TapedeckError tooBig = downloader.withOptions(DownloadOptions.defaults().withPlaylistLimits(40, 10))
                .download(big, dir, DownloadListener.NONE).getLeft();
        TapedeckError notAPlaylist = downloader.download(page, dir, DownloadListener.NONE).getLeft();

        assertThat(tooBig.message()).contains("the HLS playlist has more than 40 bytes");
        assertThat(notAPlaylist.message()).contains("instead of an HLS playlist, the server sent an "
                + "HTML page");
        assertThat(dir.resolve("loop/s1/r7.m3u8")).doesNotExist();
        assertThat(dir.resolve("loop/s1/r8.m3u8")).doesNotExist();
    }
}
