package dev.tapedeck.download;

import static dev.tapedeck.download.Folders.filesIn;
import static dev.tapedeck.download.Folders.sha256;
import static dev.tapedeck.model.TapedeckException.orThrow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A download that broke off goes on from where it was, in the same run and in the next one. */
class ResumeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String R1 = "loop/s1/r1.mp4";
    private static final String PART = "loop/s1/.r1.mp4.part";
    private static final String NOTE = "loop/s1/.r1.mp4.resume";
    private static final int SIZE = 1_000_000;

    private final LoopbackMedia media = new LoopbackMedia();
    private final LoopbackMedia.Source source = media.source();

    @TempDir
    Path dir;

    ResumeTest() throws IOException {
    }

    @AfterEach
    void stop() {
        Thread.interrupted();
        media.close();
    }

    private Downloader downloader() {
        return new Downloader(source, CLOCK, DownloadOptions.defaults());
    }

    private Recording recording(RecordingFormat format, long size) {
        return LoopbackMedia.recording("s1", "r1", format,
                new MediaLocation.RemoteUrl(media.uri("/r1?sig=secret-signature"), Optional.empty()))
                .sizeBytes(size).build();
    }

    /** Downloads until at least {@code bytes} are on disk, then interrupts itself, as a stopped run would. */
    private TapedeckError interruptedAfter(Recording recording, long bytes) {
        TapedeckError failure = downloader().download(recording, dir, new DownloadListener() {
            @Override
            public void progressed(long bytesSoFar) {
                if (bytesSoFar >= bytes) {
                    Thread.currentThread().interrupt();
                }
            }
        }).getLeft();
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        return failure;
    }

    /** The bytes the note of an interrupted download vouches for. */
    private long noteBytesAfter(TapedeckError stopped) throws IOException {
        assertThat(stopped.message()).contains("interrupted");
        return noteBytes();
    }

    private long noteBytes() throws IOException {
        String note = Files.readString(dir.resolve(NOTE));
        return Long.parseLong(note.lines().filter(line -> line.startsWith("bytes=")).findFirst().orElseThrow()
                .substring("bytes=".length()));
    }

    @Test
    void aBodyThatEndsCleanlyBeforeTheProvidersSizeIsResumedWithinTheRun() throws Exception {
        byte[] body = LoopbackMedia.bytes(400_000, 6);
        media.put("/r1", body).endCleanlyOnceAfter(150_000);

        DownloadResult result = orThrow(downloader().download(recording(RecordingFormat.MP4, body.length), dir,
                DownloadListener.NONE));

        // Before, the clean end was taken for the whole body and the size check failed the download.
        assertThat(result.status()).as(result.toString()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::range)
                .containsExactly(Optional.empty(), Optional.of("bytes=150000-"));
        assertThat(media.requests().get(1).ifRange()).contains("\"v1\"");
        assertThat(result.sha256()).isEqualTo(sha256(body));
    }

    @Test
    void anInterruptedDownloadKeepsItsPartAndANoteAndTheNextRunGoesOnFromThere() throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        LoopbackMedia.pattern(whole, 0, SIZE);
        media.put("/r1", SIZE, LoopbackMedia::pattern);
        Recording recording = recording(RecordingFormat.MP4, SIZE);

        TapedeckError stopped = interruptedAfter(recording, 300_000);

        assertThat(stopped.message()).contains("interrupted");
        assertThat(filesIn(dir)).containsExactly(PART, NOTE);
        long kept = noteBytes();
        assertThat(kept).isGreaterThanOrEqualTo(300_000).isEqualTo(Files.size(dir.resolve(PART)));
        assertThat(Files.readString(dir.resolve(NOTE))).contains("provider=loop", "session=s1", "recording=r1",
                "validator=\"v1\"").doesNotContain("sig", "secret", "127.0.0.1", "http");
        media.resetRequests();

        DownloadResult resumed = orThrow(downloader().download(recording, dir, DownloadListener.NONE));

        assertThat(resumed.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(media.requests()).singleElement().satisfies(seen -> {
            assertThat(seen.range()).contains("bytes=" + kept + "-");
            assertThat(seen.ifRange()).contains("\"v1\"");
        });
        assertThat(resumed.sha256()).isEqualTo(sha256(whole.toByteArray()));
        assertThat(Files.readAllBytes(resumed.path())).isEqualTo(whole.toByteArray());
        assertThat(filesIn(dir)).containsExactly(R1);
    }

    @Test
    void aChangedValidatorMakesTheNextRunStartOver() throws Exception {
        media.put("/r1", LoopbackMedia.bytes(SIZE, 1));
        Recording recording = recording(RecordingFormat.MP4, SIZE);
        interruptedAfter(recording, 200_000);
        byte[] changed = LoopbackMedia.bytes(SIZE, 2);
        media.put("/r1", changed).validators("\"v2\"", null);
        media.resetRequests();

        DownloadResult result = orThrow(downloader().download(recording, dir, DownloadListener.NONE));

        assertThat(result.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(media.requests()).singleElement().satisfies(seen -> assertThat(seen.ifRange()).contains("\"v1\""));
        assertThat(result.sha256()).isEqualTo(sha256(changed));
        assertThat(filesIn(dir)).containsExactly(R1);
    }

    @Test
    void aRangeAnsweredForAnotherVersionStartsOverInsteadOfSplicingTwoVersions() throws Exception {
        media.put("/r1", LoopbackMedia.bytes(SIZE, 1));
        Recording recording = recording(RecordingFormat.MP4, SIZE);
        long kept = noteBytesAfter(interruptedAfter(recording, 200_000));
        byte[] changed = LoopbackMedia.bytes(SIZE, 2);
        // A server that ignores If-Range: it answers the range with the new version's bytes.
        media.put("/r1", changed).validators("\"v2\"", null).ignoreIfRange();
        media.resetRequests();

        DownloadResult result = orThrow(downloader().download(recording, dir, DownloadListener.NONE));

        assertThat(result.sha256()).as("the whole new version, not the old bytes joined to the new")
                .isEqualTo(sha256(changed));
        assertThat(Files.readAllBytes(dir.resolve(R1))).isEqualTo(changed);
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::range)
                .containsExactly(Optional.of("bytes=" + kept + "-"), Optional.empty());
    }

    @Test
    void aRangeWhoseTotalSizeChangedStartsOver() throws Exception {
        byte[] first = LoopbackMedia.bytes(100_000, 1);
        byte[] second = LoopbackMedia.bytes(60_000, 2);
        media.put("/r1", first).breakOnceAfter(50_000);
        Recording recording = LoopbackMedia.recording("s1", "r1", RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(media.uri("/r1"), Optional.empty())).build();

        // The same validator, but the file behind it is now 60,000 bytes long: the range says so.
        DownloadResult result = orThrow(downloader().download(recording, dir, new DownloadListener() {
            @Override
            public void progressed(long bytesSoFar) {
                if (bytesSoFar >= 40_000) {
                    media.put("/r1", second);
                }
            }
        }));

        assertThat(result.sha256()).isEqualTo(sha256(second));
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::range).first().isEqualTo(Optional.empty());
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::range).last().isEqualTo(Optional.empty());
    }

    @Test
    void bytesThatCameWithoutAValidatorAreFetchedAgainNotResumedWithinTheRun() throws Exception {
        byte[] body = LoopbackMedia.bytes(400_000, 6);
        media.put("/r1", body).validators(null, null).endCleanlyOnceAfter(150_000);

        DownloadResult result = orThrow(downloader().download(recording(RecordingFormat.MP4, body.length), dir,
                DownloadListener.NONE));

        assertThat(result.sha256()).isEqualTo(sha256(body));
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::range)
                .as("nothing proves the rest would be of the same file").containsExactly(Optional.empty(),
                        Optional.empty());
    }

    @Test
    void aBodyWithoutADeclaredEndStopsAtTheLargestRecordingSavedAndKeepsNothing() throws Exception {
        // Chunked, no provider size: only the limit ends it.
        media.put("/r1", LoopbackMedia.bytes(SIZE, 7)).endCleanlyOnceAfter(SIZE);
        Recording unsized = LoopbackMedia.recording("s1", "r1", RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(media.uri("/r1"), Optional.empty())).build();

        TapedeckError failure = new Downloader(source, CLOCK, DownloadOptions.defaults().withMaxRecordingBytes(300_000))
                .download(unsized, dir, DownloadListener.NONE).getLeft();

        assertThat(failure).isInstanceOf(TapedeckError.Integrity.class);
        assertThat(failure.message()).contains("more than the 300000 it may have (the largest recording saved "
                + "(--max-size");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aDownloadStopsBeforeTheDiskHasLessThanTheReserveFreeAndTheNextRunGoesOn() throws Exception {
        media.put("/r1", SIZE, LoopbackMedia::pattern);
        long free = Files.getFileStore(dir).getUsableSpace();
        Recording recording = recording(RecordingFormat.MP4, SIZE);

        // A reserve above what this disk has free: the download stops at once, as it would on a full disk.
        TapedeckError full = new Downloader(source, CLOCK, DownloadOptions.defaults().withMinFreeBytes(free * 2))
                .download(recording, dir, DownloadListener.NONE).getLeft();

        assertThat(full).isInstanceOf(TapedeckError.Storage.class);
        assertThat(full.message()).contains("less than " + free * 2 + " bytes free", "minFreeBytes",
                "free some space and run again");
        assertThat(filesIn(dir)).doesNotContain(R1);
        DownloadResult later = orThrow(downloader().download(recording, dir, DownloadListener.NONE));
        assertThat(later.status()).isEqualTo(DownloadStatus.DOWNLOADED);
    }

    @Test
    void aProviderSizeAboveTheLargestRecordingSavedIsRefusedBeforeAByteIsKept() throws Exception {
        media.put("/r1", LoopbackMedia.bytes(SIZE, 8));

        TapedeckError failure = new Downloader(source, CLOCK, DownloadOptions.defaults().withMaxRecordingBytes(300_000))
                .download(recording(RecordingFormat.MP4, SIZE), dir, DownloadListener.NONE).getLeft();

        assertThat(failure.message()).contains("at least " + SIZE + " bytes, more than the 300000", "--max-size");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void withoutAStrongEtagTheLastModifiedDateGuardsTheResume() throws Exception {
        String date = "Wed, 31 Dec 2025 23:00:00 GMT";
        byte[] body = LoopbackMedia.bytes(SIZE, 3);
        media.put("/r1", body).validators("W/\"weak\"", date);
        Recording recording = recording(RecordingFormat.MP4, SIZE);
        interruptedAfter(recording, 200_000);
        media.resetRequests();

        DownloadResult result = orThrow(downloader().download(recording, dir, DownloadListener.NONE));

        assertThat(result.sha256()).isEqualTo(sha256(body));
        assertThat(media.requests()).singleElement().satisfies(seen -> {
            assertThat(seen.range()).isPresent();
            assertThat(seen.ifRange()).contains(date);
        });
    }

    @Test
    void withoutAnyValidatorNothingIsKeptSinceNothingCouldBeResumedSafely() throws Exception {
        media.put("/r1", LoopbackMedia.bytes(SIZE, 4)).validators(null, null);

        interruptedAfter(recording(RecordingFormat.MP4, SIZE), 200_000);

        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aNoteThatPromisesMoreThanThePartHoldsStartsOver() throws Exception {
        byte[] body = LoopbackMedia.bytes(SIZE, 5);
        media.put("/r1", body);
        Files.createDirectories(dir.resolve("loop/s1"));
        Files.write(dir.resolve(PART), LoopbackMedia.bytes(1000, 5));
        Files.writeString(dir.resolve(NOTE), "provider=loop\nsession=s1\nrecording=r1\nvalidator=\"v1\"\n"
                + "bytes=500000\n");

        DownloadResult result = orThrow(downloader().download(recording(RecordingFormat.MP4, SIZE), dir,
                DownloadListener.NONE));

        assertThat(result.sha256()).isEqualTo(sha256(body));
        assertThat(media.requests()).singleElement().satisfies(seen -> assertThat(seen.range()).isEmpty());
        assertThat(filesIn(dir)).containsExactly(R1);
    }

    @Test
    void anEventRecordingIsCheckedAsJsonAcrossTheResumeToo() throws Exception {
        StringBuilder events = new StringBuilder("[");
        for (int i = 0; i < 40_000; i++) {
            events.append(i == 0 ? "" : ",").append("{\"type\":3,\"timestamp\":").append(i).append('}');
        }
        byte[] body = events.append(']').toString().getBytes(StandardCharsets.UTF_8);
        media.put("/r1", body).contentType("application/json");
        Recording recording = recording(RecordingFormat.EVENTS, body.length);
        interruptedAfter(recording, 300_000);
        media.resetRequests();

        DownloadResult result = orThrow(downloader().download(recording, dir, DownloadListener.NONE));

        assertThat(result.status()).as(result.toString()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(result.relativePath()).isEqualTo("loop/s1/r1.json");
        assertThat(media.requests()).singleElement().satisfies(seen -> assertThat(seen.range()).isPresent());
        assertThat(result.sha256()).isEqualTo(sha256(body));
    }

    @Test
    void aSecondDownloadOfTheSameRecordingWhileOneRunsIsRefusedAndTouchesNothing() throws Exception {
        byte[] body = LoopbackMedia.bytes(SIZE, 7);
        media.put("/r1", body);
        Recording recording = recording(RecordingFormat.MP4, SIZE);
        List<Either<TapedeckError, DownloadResult>> second = new ArrayList<>();
        long[] partBefore = new long[2];

        DownloadResult first = orThrow(downloader().download(recording, dir, new DownloadListener() {
            @Override
            public void progressed(long bytesSoFar) {
                if (second.isEmpty() && bytesSoFar > 100_000) {
                    partBefore[0] = size(dir.resolve(PART));
                    second.add(downloader().download(recording, dir, DownloadListener.NONE));
                    partBefore[1] = size(dir.resolve(PART));
                }
            }
        }));

        assertThat(second.get(0).getLeft()).isInstanceOf(TapedeckError.InUse.class);
        assertThat(second.get(0).getLeft().message()).isEqualTo("another tapedeck run is downloading "
                + dir.resolve(R1).toAbsolutePath() + " right now; let it finish, then run this again");
        assertThat(partBefore[1]).isEqualTo(partBefore[0]);
        assertThat(first.status()).isEqualTo(DownloadStatus.DOWNLOADED);
        assertThat(first.sha256()).isEqualTo(sha256(body));
        assertThat(media.requests()).hasSize(1);
        assertThat(filesIn(dir)).containsExactly(R1);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException missing) {
            return -1;
        }
    }
}
