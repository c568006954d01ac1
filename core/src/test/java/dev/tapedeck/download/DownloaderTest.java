package dev.tapedeck.download;

import static dev.tapedeck.download.Folders.entriesIn;
import static dev.tapedeck.download.Folders.filesIn;
import static dev.tapedeck.download.Folders.sha256;
import static dev.tapedeck.model.TapedeckException.orThrow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.MediaAlternative;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final LoopbackMedia media = new LoopbackMedia();
    private final LoopbackMedia.Source source = media.source();
    private final Downloader downloader = new Downloader(source, CLOCK, DownloadOptions.defaults());

    @TempDir
    Path dir;

    DownloaderTest() throws IOException {
    }

    @AfterEach
    void stop() {
        media.close();
    }

    /** Where the recording r1 of session s1 goes below {@code dir}. */
    private static final String R1 = "loop/s1/r1.mp4";

    private Recording mp4(String path, Long size) {
        return LoopbackMedia.recording("s1", "r1", RecordingFormat.MP4,
                        new MediaLocation.RemoteUrl(media.uri(path), Optional.empty()))
                .sizeBytes(size).fileName("replay.mp4").build();
    }

    /** Records what a listener hears. */
    static final class Heard implements DownloadListener {
        final List<String> events = new ArrayList<>();
        final List<Long> bytes = new ArrayList<>();

        @Override
        public void started(Recording recording, Optional<Long> totalSize) {
            events.add("started " + totalSize.map(String::valueOf).orElse("?"));
        }

        @Override
        public void progressed(long bytesSoFar) {
            bytes.add(bytesSoFar);
        }

        @Override
        public void finished(DownloadResult result) {
            events.add("finished " + result.sizeBytes());
        }

        @Override
        public void failed(TapedeckError error) {
            events.add("failed " + error.getClass().getSimpleName());
        }
    }

    @Test
    void downloadsTheBytesWithTheirSha256AndLeavesNoTempFile() throws Exception {
        byte[] body = LoopbackMedia.bytes(300_000, 1);
        media.put("/media/r1.mp4", body);

        DownloadResult result = orThrow(downloader.download(mp4("/media/r1.mp4", 300_000L), dir,
                DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.path()).isEqualTo(dir.resolve(R1).toAbsolutePath());
        assertThat(result.relativePath()).isEqualTo(R1);
        assertThat(result.sizeBytes()).isEqualTo(300_000);
        assertThat(result.sha256()).isEqualTo(sha256(body));
        assertThat(Files.readAllBytes(result.path())).isEqualTo(body);
        assertThat(filesIn(dir)).containsExactly(R1);
        assertThat(LocalCopy.measure(result.path()).get()).isEqualTo(new Fingerprint(300_000, sha256(body)));
    }

    @Test
    void aFileWhereTheFolderShouldBeIsAStorageErrorSayingSoInPlainWords() throws Exception {
        media.put("/media/r1.mp4", LoopbackMedia.bytes(1000, 1));
        Path notAFolder = Files.writeString(dir.resolve("afile"), "mine");

        TapedeckError failure = downloader.download(mp4("/media/r1.mp4", 1000L), notAFolder,
                DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Storage.class);
        assertThat(failure.message()).contains(notAFolder + " is a file, not a folder")
                .doesNotContain("Exception");
        assertThat(Files.readString(notAFolder)).isEqualTo("mine");
    }

    @Test
    void aBodyThatKeepsEndingShortIsAnIntegrityFailureThatKeepsOnlyAHiddenPartToResume() throws Exception {
        media.put("/media/r1.mp4", LoopbackMedia.bytes(200_000, 2)).alwaysShort();

        TapedeckError failure = downloader.download(mp4("/media/r1.mp4", null), dir, DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(failure.message()).contains("received 175000 of 200000 bytes in 3 attempts")
                .contains("run the download again to resume it");
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::range).containsExactly(Optional.empty(),
                Optional.of("bytes=100000-"), Optional.of("bytes=150000-"));
        assertThat(filesIn(dir)).containsExactly("loop/s1/.r1.mp4.part", "loop/s1/.r1.mp4.resume");
    }

    @Test
    void aSizeThatDiffersFromTheProvidersIsAnIntegrityFailureAndKeepsNoFile() throws Exception {
        media.put("/media/r1.mp4", LoopbackMedia.bytes(1000, 3));

        TapedeckError failure = downloader.download(mp4("/media/r1.mp4", 1200L), dir, DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(failure.message()).contains("1200 bytes but 1000 arrived");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aBodyLongerThanTheProvidersSizeIsRefusedBeforeItIsRead() throws Exception {
        media.put("/media/r1.mp4", LoopbackMedia.bytes(100_000, 3));

        TapedeckError failure = downloader.download(mp4("/media/r1.mp4", 1000L), dir, DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(failure.message()).contains("at least 100000 bytes, more than the 1000");
        assertThat(filesIn(dir)).isEmpty();
    }

    /** The downloader that checks an existing copy against a fresh download, byte for byte. */
    private Downloader verifying() {
        return downloader.withOptions(downloader.options().withVerifyExisting(true));
    }

    /** Writes {@code text} at {@code relative} below {@code dir}, making the folders. */
    private Path existing(String relative, byte[] bytes) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    @Test
    void anExistingFileWithOtherBytesIsLeftAsItIsAndTheDownloadFailsNamingItAndTheFlag() throws Exception {
        media.put("/media/r1.mp4", LoopbackMedia.bytes(1000, 4));
        existing(R1, "mine".getBytes(StandardCharsets.UTF_8));
        Heard heard = new Heard();

        TapedeckError failure = verifying().download(mp4("/media/r1.mp4", null), dir, heard).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Storage.class);
        assertThat(failure.message()).contains(dir.resolve(R1).toString())
                .contains("different content").contains("--overwrite");
        assertThat(Files.readString(dir.resolve(R1))).isEqualTo("mine");
        assertThat(entriesIn(dir)).containsExactly("loop", "loop/s1", R1);
        assertThat(heard.events).containsExactly("started ?", "failed Storage");
    }

    @Test
    void anExistingFileWithTheSameBytesIsSkippedWithItsSizeAndHash() throws Exception {
        byte[] body = LoopbackMedia.bytes(70_000, 4);
        media.put("/media/r1.mp4", body);
        Path existing = existing(R1, body);
        FileTime before = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(existing, before);
        Heard heard = new Heard();

        DownloadResult result = orThrow(downloader.download(mp4("/media/r1.mp4", 70_000L), dir, heard));

        assertThat(result.status()).isEqualTo(DownloadStatus.SKIPPED);
        assertThat(result.path()).isEqualTo(existing.toAbsolutePath());
        assertThat(result.sizeBytes()).isEqualTo(70_000);
        assertThat(result.sha256()).isEqualTo(sha256(body));
        assertThat(Files.getLastModifiedTime(existing)).isEqualTo(before);
        assertThat(entriesIn(dir)).containsExactly("loop", "loop/s1", R1);
        assertThat(heard.events).containsExactly("started 70000", "finished 70000");
    }

    @Test
    void anExistingFileOfTheDeclaredSizeIsSkippedWithoutFetchingAByte() throws Exception {
        byte[] body = LoopbackMedia.bytes(70_000, 4);
        media.put("/media/r1.mp4", body);
        existing(R1, body);
        media.resetRequests();

        DownloadResult result = orThrow(downloader.download(mp4("/media/r1.mp4", 70_000L), dir, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.SKIPPED);
        assertThat(result.sha256()).isEqualTo(sha256(body));
        assertThat(media.requests()).isEmpty();
    }

    @Test
    void anExistingFileOfAnotherSizeThanDeclaredFailsWithoutFetchingAndIsLeftAsItIs() throws Exception {
        media.put("/media/r1.mp4", LoopbackMedia.bytes(70_000, 4));
        existing(R1, "mine".getBytes(StandardCharsets.UTF_8));
        media.resetRequests();

        TapedeckError failure = downloader.download(mp4("/media/r1.mp4", 70_000L), dir,
                DownloadListener.NONE).getLeft();

        assertThat(failure.message()).contains("different content")
                .contains("4 bytes where the provider declares 70000").contains("--overwrite");
        assertThat(Files.readString(dir.resolve(R1))).isEqualTo("mine");
        assertThat(media.requests()).isEmpty();
    }

    @Test
    void anExistingFileThatIsNotWhatTheManifestRecordedFailsWithoutFetching() throws Exception {
        byte[] body = LoopbackMedia.bytes(70_000, 4);
        media.put("/media/r1.mp4", body);
        byte[] sameSize = body.clone();
        sameSize[100] ^= 1;
        existing(R1, sameSize);
        media.resetRequests();

        TapedeckError changed = downloader.download(mp4("/media/r1.mp4", 70_000L), dir,
                Optional.of(new Fingerprint(70_000, sha256(body))), DownloadListener.NONE).getLeft();
        DownloadResult asRecorded = orThrow(downloader.download(mp4("/media/r1.mp4", 70_000L), dir,
                Optional.of(new Fingerprint(70_000, sha256(sameSize))), DownloadListener.NONE));

        assertThat(changed.message()).contains("not what the manifest recorded");
        assertThat(asRecorded.status()).isEqualTo(DownloadStatus.SKIPPED);
        assertThat(media.requests()).isEmpty();
    }

    @Test
    void aFailedDownloadBesideAnExistingFileLeavesItAndNoTempFile() throws Exception {
        media.put("/media/r1.mp4", LoopbackMedia.bytes(1000, 4)).failAlways(500);
        existing(R1, "mine".getBytes(StandardCharsets.UTF_8));

        TapedeckError failure = verifying().download(mp4("/media/r1.mp4", null), dir, DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(Files.readString(dir.resolve(R1))).isEqualTo("mine");
        assertThat(entriesIn(dir)).containsExactly("loop", "loop/s1", R1);
    }

    @Test
    void overwritesAnExistingFileWhenAsked() throws Exception {
        byte[] body = LoopbackMedia.bytes(1000, 5);
        media.put("/media/r1.mp4", body);
        existing(R1, "old".getBytes(StandardCharsets.UTF_8));

        DownloadResult result = orThrow(downloader.withOptions(DownloadOptions.defaults().withOverwrite(true))
                .download(mp4("/media/r1.mp4", 1000L), dir, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(Files.readAllBytes(dir.resolve(R1))).isEqualTo(body);
    }

    @Test
    void resumesABrokenTransferWithARangeFromTheLastByteReceived() throws Exception {
        byte[] body = LoopbackMedia.bytes(400_000, 6);
        media.put("/media/r1.mp4", body).breakOnceAfter(150_000);
        Heard heard = new Heard();

        DownloadResult result = orThrow(downloader.download(mp4("/media/r1.mp4", 400_000L), dir, heard));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(media.requests()).hasSize(2);
        assertThat(media.requests().get(0).range()).isEmpty();
        assertThat(media.requests().get(1).range()).contains("bytes=150000-");
        assertThat(media.requests().get(1).ifRange()).contains("\"v1\"");
        assertThat(Files.readAllBytes(result.path())).isEqualTo(body);
        assertThat(result.sha256()).isEqualTo(sha256(body));
        assertThat(heard.bytes).isSorted().doesNotHaveDuplicates().last().isEqualTo(400_000L);
    }

    @Test
    void restartsFromZeroWhenTheServerIgnoresTheRange() throws Exception {
        byte[] body = LoopbackMedia.bytes(400_000, 7);
        media.put("/media/r1.mp4", body).breakOnceAfter(150_000).ignoreRange();
        Heard heard = new Heard();

        DownloadResult result = orThrow(downloader.download(mp4("/media/r1.mp4", 400_000L), dir, heard));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(media.requests().get(1).range()).contains("bytes=150000-");
        assertThat(Files.readAllBytes(result.path())).isEqualTo(body);
        assertThat(result.sha256()).isEqualTo(sha256(body));
        assertThat(heard.bytes).isSorted().doesNotHaveDuplicates().last().isEqualTo(400_000L);
    }

    @Test
    void refreshesAnExpiredUrlExactlyOnceBeforeOpeningIt() throws Exception {
        byte[] body = LoopbackMedia.bytes(5000, 8);
        media.put("/media/fresh.mp4", body);
        Recording expired = LoopbackMedia.recording("s1", "r1", RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(media.uri("/media/stale.mp4?sig=old"), Optional.of(NOW.minusSeconds(1))))
                .build();
        source.refreshWith(r -> Either.right(r.withMedia(new MediaLocation.RemoteUrl(
                media.uri("/media/fresh.mp4?sig=new"), Optional.of(NOW.plusSeconds(300))))));

        DownloadResult result = orThrow(downloader.download(expired, dir, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(source.refreshes()).isEqualTo(1);
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::path).containsExactly("/media/fresh.mp4");
        assertThat(Files.readAllBytes(result.path())).isEqualTo(body);
    }

    @Test
    void refreshesARefusedUrlOnceAndThenGivesUpWithTheRefusal() throws Exception {
        media.put("/media/stale.mp4", new byte[10]).failAlways(403);
        source.refreshWith(r -> Either.right(r));

        TapedeckError failure = downloader.download(mp4("/media/stale.mp4", null), dir,
                DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Forbidden.class);
        assertThat(source.refreshes()).isEqualTo(1);
        assertThat(media.requests()).hasSize(2);
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aRefusedUrlIsReplacedByTheRefreshedOne() throws Exception {
        byte[] body = LoopbackMedia.bytes(5000, 9);
        media.put("/media/stale.mp4", new byte[10]).failAlways(403);
        media.put("/media/fresh.mp4", body);
        source.refreshWith(r -> Either.right(r.withMedia(new MediaLocation.RemoteUrl(media.uri("/media/fresh.mp4"),
                Optional.empty()))));

        DownloadResult result = orThrow(downloader.download(mp4("/media/stale.mp4", 5000L), dir,
                DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(source.refreshes()).isEqualTo(1);
        assertThat(Files.readAllBytes(result.path())).isEqualTo(body);
    }

    @Test
    void aNameTheCallerChoosesThatClimbsOutOfTheFolderLandsInsideIt() throws Exception {
        media.put("/media/r1.mp4", LoopbackMedia.bytes(100, 10));
        Path folder = dir.resolve("a/b");
        Recording sneaky = LoopbackMedia.recording("s1", "r1", RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(media.uri("/media/r1.mp4"), Optional.empty())).fileName("../../x.mp4")
                .build();

        DownloadResult result = orThrow(downloader.download(sneaky, folder, "../../x.mp4", DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.path()).isEqualTo(folder.resolve("x.mp4").toAbsolutePath());
        assertThat(result.relativePath()).isEqualTo("x.mp4");
        assertThat(filesIn(dir)).containsExactly("a/b/x.mp4");
    }

    @Test
    void theProvidersSuggestedNameNeverDecidesWhereTheFileGoes() throws Exception {
        media.put("/media/r1.mp4", LoopbackMedia.bytes(100, 10));
        Recording sneaky = LoopbackMedia.recording("../s1", "../../r1", RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(media.uri("/media/r1.mp4"), Optional.empty())).fileName("../../x.mp4")
                .build();

        DownloadResult result = orThrow(downloader.download(sneaky, dir, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).matches("loop/_\\._s1-[0-9a-f]{32}/_\\._\\.\\._r1-[0-9a-f]{32}\\.mp4");
        assertThat(filesIn(dir)).containsExactly(result.relativePath());
    }

    @Test
    void downloadsAProviderStreamThroughTheProvider() throws Exception {
        byte[] body = LoopbackMedia.bytes(2000, 11);
        media.put("/provider/r9", body);
        Recording streamed = LoopbackMedia.recording("s1", "r9", RecordingFormat.MP4,
                new MediaLocation.ProviderStream("primary recording")).build();

        DownloadResult result = orThrow(downloader.download(streamed, dir, DownloadListener.NONE));

        assertThat(result.relativePath()).isEqualTo("loop/s1/r9.mp4");
        assertThat(Files.readAllBytes(result.path())).isEqualTo(body);
    }

    @Test
    void savesAnHlsPlaylistWithItsSegmentsAndRewritesTheirUris() throws Exception {
        byte[] init = LoopbackMedia.bytes(700, 12);
        byte[] seg0 = LoopbackMedia.bytes(90_000, 13);
        byte[] seg1 = LoopbackMedia.bytes(80_000, 14);
        media.put("/hls/init.mp4", init);
        media.put("/hls/seg0.m4s", seg0);
        media.put("/cdn/seg1.m4s", seg1);
        String playlist = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n"
                + "#EXT-X-MAP:URI=\"init.mp4\"\n"
                + "#EXTINF:4.0,\nseg0.m4s?sig=abc\n"
                + "#EXTINF:4.0,\n" + media.uri("/cdn/seg1.m4s") + "?sig=def\n"
                + "#EXT-X-ENDLIST\n";
        Recording hls = LoopbackMedia.recording("s1", "r1", RecordingFormat.HLS,
                new MediaLocation.InlinePlaylist(playlist, Optional.of(media.uri("/hls/index.m3u8")),
                        Optional.empty())).fileName("replay").build();
        Heard heard = new Heard();

        DownloadResult result = orThrow(downloader.download(hls, dir, heard));
        Path copy = dir.resolve("loop/s1");

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("loop/s1/r1.m3u8");
        String saved = Files.readString(copy.resolve("r1.m3u8"));
        assertThat(saved).isEqualTo("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n"
                + "#EXT-X-MAP:URI=\"r1_segments/00000.mp4\"\n"
                + "#EXTINF:4.0,\nr1_segments/00001.m4s\n"
                + "#EXTINF:4.0,\nr1_segments/00002.m4s\n"
                + "#EXT-X-ENDLIST\n");
        assertThat(Files.readAllBytes(copy.resolve("r1_segments/00000.mp4"))).isEqualTo(init);
        assertThat(Files.readAllBytes(copy.resolve("r1_segments/00001.m4s"))).isEqualTo(seg0);
        assertThat(Files.readAllBytes(copy.resolve("r1_segments/00002.m4s"))).isEqualTo(seg1);
        long total = init.length + seg0.length + seg1.length + saved.getBytes(StandardCharsets.UTF_8).length;
        assertThat(result.sizeBytes()).isEqualTo(total);
        String each = sha256(saved.getBytes(StandardCharsets.UTF_8)) + sha256(init) + sha256(seg0) + sha256(seg1);
        assertThat(result.sha256()).as("one SHA-256 over each file's, in order")
                .isEqualTo(sha256(each.getBytes(StandardCharsets.US_ASCII)));
        assertThat(LocalCopy.measure(result.path()).get()).isEqualTo(new Fingerprint(total, result.sha256()));
        assertThat(filesIn(copy)).containsExactly("r1.m3u8", "r1_segments/00000.mp4",
                "r1_segments/00001.m4s", "r1_segments/00002.m4s");
        assertThat(heard.bytes).isSorted().doesNotHaveDuplicates().last().isEqualTo(total);
    }

    private Recording servedHls(byte[] seg0, byte[] seg1) {
        media.put("/hls/seg0.ts", seg0);
        media.put("/hls/seg1.ts", seg1);
        String playlist = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\nseg0.ts?sig=a\n#EXTINF:4.0,\nseg1.ts\n"
                + "#EXT-X-ENDLIST\n";
        return LoopbackMedia.recording("s1", "r1", RecordingFormat.HLS,
                new MediaLocation.InlinePlaylist(playlist, Optional.of(media.uri("/hls/index.m3u8")),
                        Optional.empty())).fileName("replay").build();
    }

    @Test
    void anExistingHlsCopyWithTheSameBytesIsSkippedAndNothingIsLeftBeside() throws Exception {
        Recording hls = servedHls(LoopbackMedia.transportStream(160, 20), LoopbackMedia.transportStream(100, 21));
        DownloadResult first = orThrow(downloader.download(hls, dir, DownloadListener.NONE));
        Path copy = dir.resolve("loop/s1");
        Path segment = copy.resolve("r1_segments/00000.ts");
        FileTime before = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(segment, before);

        DownloadResult again = orThrow(downloader.download(hls, dir, DownloadListener.NONE));

        assertThat(again.status()).isEqualTo(DownloadStatus.SKIPPED);
        assertThat(again.sizeBytes()).isEqualTo(first.sizeBytes());
        assertThat(again.sha256()).isEqualTo(first.sha256());
        assertThat(Files.getLastModifiedTime(segment)).isEqualTo(before);
        assertThat(entriesIn(copy)).containsExactly("r1.m3u8", "r1_segments", "r1_segments/00000.ts",
                "r1_segments/00001.ts");
    }

    @Test
    void anExistingHlsCopyWithADifferentSegmentFailsAndIsLeftAsItIs() throws Exception {
        Recording hls = servedHls(LoopbackMedia.transportStream(160, 22), LoopbackMedia.transportStream(100, 23));
        downloader.download(hls, dir, DownloadListener.NONE);
        Path copy = dir.resolve("loop/s1");
        byte[] changed = LoopbackMedia.transportStream(100, 99);
        Files.write(copy.resolve("r1_segments/00001.ts"), changed);

        TapedeckError again = verifying().download(hls, dir, DownloadListener.NONE).getLeft();

        assertThat(again.message()).contains("different content").contains("--overwrite");
        assertThat(Files.readAllBytes(copy.resolve("r1_segments/00001.ts"))).isEqualTo(changed);
        assertThat(entriesIn(copy)).containsExactly("r1.m3u8", "r1_segments", "r1_segments/00000.ts",
                "r1_segments/00001.ts");
    }

    @Test
    void refusesAnHlsMasterPlaylist() {
        String master = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000\nlow.m3u8\n";
        Recording hls = LoopbackMedia.recording("s1", "r1", RecordingFormat.HLS,
                new MediaLocation.InlinePlaylist(master, Optional.empty(), Optional.empty())).build();

        TapedeckError failure = downloader.download(hls, dir, DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Unsupported.class);
        assertThat(dir.resolve("loop/s1/r1.m3u8")).doesNotExist();
    }

    @Test
    void theListenerHearsStartMonotonicBytesSummingToTheSizeAndFinish() throws Exception {
        media.put("/media/r1.mp4", LoopbackMedia.bytes(1_000_000, 15));
        Heard heard = new Heard();

        DownloadResult result = orThrow(downloader.download(mp4("/media/r1.mp4", 1_000_000L), dir, heard));

        assertThat(heard.events).containsExactly("started 1000000", "finished 1000000");
        assertThat(heard.bytes).isNotEmpty().isSorted().doesNotHaveDuplicates();
        assertThat(heard.bytes.get(heard.bytes.size() - 1)).isEqualTo(result.sizeBytes());
    }

    @Test
    void theListenerHearsAFailure() {
        media.put("/media/r1.mp4", new byte[10]).failAlways(404);
        Heard heard = new Heard();

        downloader.download(mp4("/media/r1.mp4", null), dir, heard);

        assertThat(heard.events).containsExactly("started ?", "failed NotFound");
    }

    @Test
    void anInterruptStopsTheDownloadAndLeavesNothingUnderTheFinalName() throws Exception {
        media.put("/media/r1.mp4", LoopbackMedia.bytes(2_000_000, 16));
        DownloadListener interruptEarly = new DownloadListener() {
            @Override
            public void progressed(long bytesSoFar) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            TapedeckError failure = downloader.download(mp4("/media/r1.mp4", null), dir, interruptEarly).getLeft();

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(failure.message()).contains("interrupted");
            assertThat(dir.resolve(R1)).doesNotExist();
        } finally {
            Thread.interrupted();
        }
    }

    /** The MP4 of the recordings with alternatives below. */
    private static final byte[] ALTERNATIVE_MP4 = LoopbackMedia.bytes(4096, 1);

    /** An MP4 at {@code /r1.mp4} and, as its alternative, an inline playlist of two segments. */
    private Recording mp4OrPlaylist() {
        media.put("/r1.mp4", ALTERNATIVE_MP4);
        String playlist = "#EXTM3U\n#EXTINF:2.0,\nseg0.ts\n#EXTINF:2.0,\nseg1.ts\n#EXT-X-ENDLIST\n";
        media.put("/hls/seg0.ts", LoopbackMedia.transportStream(2, 0));
        media.put("/hls/seg1.ts", LoopbackMedia.transportStream(2, 1));
        return LoopbackMedia.recording("s1", "r1", RecordingFormat.HLS, new MediaLocation.InlinePlaylist(playlist,
                        Optional.of(media.uri("/hls/index.m3u8")), Optional.empty()))
                .alternative(MediaAlternative.of(RecordingFormat.MP4, new MediaLocation.RemoteUrl(media.uri("/r1.mp4"),
                        Optional.empty())).withSize((long) ALTERNATIVE_MP4.length))
                .build();
    }

    @Test
    void theMp4ComesFirstWhateverOrderTheProviderGaveThemIn() {
        Recording recording = mp4OrPlaylist();

        DownloadResult result = downloader.download(recording, dir, DownloadListener.NONE).get();

        assertThat(recording.format()).isEqualTo(RecordingFormat.MP4);
        assertThat(recording.sizeBytes()).contains((long) ALTERNATIVE_MP4.length);
        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("loop/s1/r1.mp4");
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::path).containsExactly("/r1.mp4");
    }

    @Test
    void aRefusedMp4FallsBackToThePlaylistWhichTheProviderSizeOfTheMp4DoesNotBind() throws Exception {
        Recording recording = mp4OrPlaylist();
        media.put("/r1.mp4", ALTERNATIVE_MP4).fail(404, 1);

        DownloadResult result = downloader.download(recording, dir, DownloadListener.NONE).get();

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("loop/s1/r1.m3u8");
        assertThat(filesIn(dir.resolve("loop/s1"))).doesNotContain("r1.mp4");
    }

    @Test
    void aStorageProblemOrARecordingNotReadyYetDoesNotFallBack() throws IOException {
        Files.createDirectories(dir.resolve("loop/s1/r1.mp4"));

        TapedeckError blocked = downloader.download(mp4OrPlaylist(), dir, DownloadListener.NONE).getLeft();

        assertThat(blocked).isInstanceOf(TapedeckError.Storage.class);
        assertThat(dir.resolve("loop/s1/r1.m3u8")).doesNotExist();
        Files.delete(dir.resolve("loop/s1/r1.mp4"));

        Recording again = mp4OrPlaylist();
        media.put("/r1.mp4", ALTERNATIVE_MP4).fail(409, 1);
        TapedeckError notReady = downloader.download(again, dir, DownloadListener.NONE).getLeft();

        assertThat(notReady).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(dir.resolve("loop/s1/r1.m3u8")).doesNotExist();
    }

    @Test
    void theProvidersPreferenceGoesFirst() {
        Recording mp4First = mp4OrPlaylist();
        Recording recording = LoopbackMedia.recording("s1", "r1", RecordingFormat.MP4, mp4First.media())
                .sizeBytes((long) ALTERNATIVE_MP4.length)
                .alternative(mp4First.alternatives().get(1).asPreferred())
                .build();

        DownloadResult result = downloader.download(recording, dir, DownloadListener.NONE).get();

        assertThat(recording.alternatives()).extracting(MediaAlternative::format)
                .containsExactly(RecordingFormat.HLS, RecordingFormat.MP4);
        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("loop/s1/r1.m3u8");
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::path).doesNotContain("/r1.mp4");
    }
}
