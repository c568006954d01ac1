package dev.tapedeck.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.SessionHistory;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.download.LoopbackMedia;
import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Page;
import dev.tapedeck.model.PageToken;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiverTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final LoopbackMedia media = new LoopbackMedia();
    private final LoopbackMedia.Source source = media.source();
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path out;

    ArchiverTest() throws IOException {
    }

    @AfterEach
    void stop() {
        media.close();
    }

    /** A history of pages of session ids; a page listed as null fails. */
    private static SessionHistory history(List<List<String>> pages) {
        return new SessionHistory() {
            @Override
            public String provider() {
                return LoopbackMedia.PROVIDER;
            }

            @Override
            public Capabilities capabilities() {
                return Capabilities.builder().supports(Capability.SESSION_HISTORY).build();
            }

            @Override
            public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
                int index = token.map(t -> Integer.parseInt(t.value())).orElse(0);
                if (pages.get(index) == null) {
                    return Either.left(new TapedeckError.ProviderFailure(LoopbackMedia.PROVIDER, 502,
                            "the history answered 502", "", true));
                }
                List<Session> sessions = pages.get(index).stream()
                        .map(id -> Session.builder(LoopbackMedia.PROVIDER, SessionId.of(id)).build()).toList();
                Optional<PageToken> next = index + 1 < pages.size() ? Optional.of(PageToken.ofPage(index + 1))
                        : Optional.empty();
                return Either.right(new Page<>(sessions, next, Optional.empty()));
            }
        };
    }

    private Archiver archiver(List<List<String>> pages) {
        return new Archiver(source, history(pages), CLOCK, sleeps::add);
    }

    private Recording served(String session, String id, String fileName, int size, long seed) {
        String path = "/media/" + session + "/" + id;
        media.put(path, LoopbackMedia.bytes(size, seed));
        Recording recording = LoopbackMedia.recording(session, id, RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(media.uri(path + "?sig=secret"), Optional.empty()))
                .sizeBytes((long) size).fileName(fileName).build();
        source.with(recording);
        return recording;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private List<ManifestEntry> manifest() {
        return Manifest.read(out.resolve(Manifest.FILE_NAME)).get();
    }

    /** Every done manifest entry names a file on disk with its size and hash. */
    private void assertManifestMatchesDisk() throws Exception {
        for (ManifestEntry entry : manifest()) {
            if (entry.done()) {
                Path file = out.resolve(entry.path());
                assertThat(file).exists();
                assertThat(Files.size(file)).as(entry.path()).isEqualTo(entry.sizeBytes());
                assertThat(sha256(file)).as(entry.path()).isEqualTo(entry.sha256());
            }
        }
    }

    private void threeSessions() {
        served("s1", "r1", "replay.mp4", 120_000, 1);
        served("s1", "r2", "replay.mp4", 80_000, 2);
        served("s2", "r3", "../../escape.mp4", 50_000, 3);
        served("s3", "r4", null, 10_000, 4);
    }

    @Test
    void archivesEveryRecordingOfTheHistoryIntoProviderAndSessionFoldersWithAManifest() throws Exception {
        threeSessions();

        ArchiveSummary summary = archiver(List.of(List.of("s1", "s2"), List.of("s3")))
                .archive(SessionQuery.all(), out, ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(summary.complete()).isTrue();
        assertThat(summary.count(DownloadStatus.DOWNLOADED)).isEqualTo(4);
        assertThat(summary.entries()).extracting(ManifestEntry::path).containsExactly(
                "loop/s1/replay-r1.mp4", "loop/s1/replay-r2.mp4", "loop/s2/escape.mp4", "loop/s3/s3-r4.mp4");
        assertThat(manifest()).extracting(ManifestEntry::recordingId)
                .containsExactlyInAnyOrder("r1", "r2", "r3", "r4");
        assertThat(manifest()).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(DownloadStatus.DOWNLOADED));
        assertManifestMatchesDisk();
        assertThat(Files.readString(out.resolve(Manifest.FILE_NAME))).doesNotContain("secret");
    }

    @Test
    void aReRunVerifiesWhatIsDoneAndFetchesNothing() throws Exception {
        threeSessions();
        Archiver archiver = archiver(List.of(List.of("s1", "s2", "s3")));
        archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(), ArchiveListener.NONE);
        List<ManifestEntry> first = manifest();
        media.resetRequests();

        ArchiveSummary again = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE).get();

        assertThat(media.requests()).isEmpty();
        assertThat(again.count(DownloadStatus.SKIPPED)).isEqualTo(4);
        assertThat(again.complete()).isTrue();
        assertThat(manifest()).hasSize(4).allSatisfy(e -> assertThat(e.status()).isEqualTo(DownloadStatus.SKIPPED));
        assertThat(manifest()).extracting(ManifestEntry::sha256)
                .containsExactlyInAnyOrderElementsOf(first.stream().map(ManifestEntry::sha256).toList());
        assertManifestMatchesDisk();
    }

    @Test
    void aFailedRecordingDoesNotStopTheRunAndTheNextRunFinishesOnlyIt() throws Exception {
        threeSessions();
        media.put("/media/s2/r3", LoopbackMedia.bytes(50_000, 3)).failAlways(500);
        Archiver archiver = archiver(List.of(List.of("s1", "s2", "s3")));

        ArchiveSummary broken = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE).get();

        assertThat(broken.count(DownloadStatus.DOWNLOADED)).isEqualTo(3);
        assertThat(broken.count(DownloadStatus.FAILED)).isEqualTo(1);
        assertThat(broken.complete()).isFalse();
        ManifestEntry failed = manifest().stream().filter(e -> e.recordingId().equals("r3")).findFirst().get();
        assertThat(failed.status()).isEqualTo(DownloadStatus.FAILED);
        assertThat(failed.error().get()).contains("500");
        assertThat(out.resolve("loop/s2/escape.mp4")).doesNotExist();

        media.put("/media/s2/r3", LoopbackMedia.bytes(50_000, 3));
        media.resetRequests();
        ArchiveSummary finished = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE).get();

        assertThat(media.requests()).extracting(LoopbackMedia.Seen::path).containsExactly("/media/s2/r3");
        assertThat(finished.count(DownloadStatus.SKIPPED)).isEqualTo(3);
        assertThat(finished.count(DownloadStatus.DOWNLOADED)).isEqualTo(1);
        assertThat(manifest()).hasSize(4).allSatisfy(entry -> assertThat(entry.done()).isTrue());
        assertManifestMatchesDisk();
    }

    @Test
    void aFileChangedOnDiskIsFetchedAgainOnTheNextRun() throws Exception {
        served("s1", "r1", "replay.mp4", 20_000, 5);
        Archiver archiver = archiver(List.of(List.of("s1")));
        archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(), ArchiveListener.NONE);
        Files.writeString(out.resolve("loop/s1/replay.mp4"), "tampered");

        ArchiveSummary again = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE).get();

        assertThat(again.count(DownloadStatus.DOWNLOADED)).isEqualTo(1);
        assertManifestMatchesDisk();
    }

    @Test
    void downloadsInParallelButNeverMoreThanTheBound() throws Exception {
        for (int i = 1; i <= 6; i++) {
            served("s" + i, "r" + i, "r.mp4", 30_000, i);
        }
        media.gatherFirst(3);

        ArchiveSummary summary = archiver(List.of(List.of("s1", "s2", "s3", "s4", "s5", "s6")))
                .archive(SessionQuery.all(), out, ArchiveOptions.defaults().withParallelism(3), ArchiveListener.NONE)
                .get();

        assertThat(summary.count(DownloadStatus.DOWNLOADED)).isEqualTo(6);
        assertThat(media.maxConcurrentRequests()).isEqualTo(3);
        assertManifestMatchesDisk();
    }

    @Test
    void explicitSessionIdsWorkWithoutHistoryAndAnUnknownSessionIsReported() throws Exception {
        served("s1", "r1", "a.mp4", 1000, 6);
        Archiver archiver = new Archiver(source, SessionHistory.unsupported(LoopbackMedia.PROVIDER,
                Capabilities.builder().build()), CLOCK, sleeps::add);

        ArchiveSummary summary = archiver.archive(List.of(SessionId.of("s1"), SessionId.of("nope")), out,
                ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(summary.entries()).extracting(ManifestEntry::sessionId, ManifestEntry::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("s1", DownloadStatus.DOWNLOADED),
                org.assertj.core.groups.Tuple.tuple("nope", DownloadStatus.FAILED));
        assertThat(summary.entries().get(1).error().get()).contains("session nope does not exist");
        assertThat(manifest()).extracting(ManifestEntry::sessionId).containsExactly("s1");
    }

    @Test
    void aHistoryWithoutTheEndpointIsRefusedUpFront() {
        Archiver archiver = new Archiver(source, SessionHistory.unsupported(LoopbackMedia.PROVIDER,
                Capabilities.builder().build()), CLOCK, sleeps::add);

        Either<TapedeckError, ArchiveSummary> result = archiver.archive(SessionQuery.all(), out,
                ArchiveOptions.defaults(), ArchiveListener.NONE);

        assertThat(result.getLeft()).isInstanceOf(TapedeckError.Unsupported.class);
    }

    @Test
    void aHistoryThatFailsHalfWayKeepsWhatWasArchivedAndSaysWhy() throws Exception {
        served("s1", "r1", "a.mp4", 1000, 7);
        List<List<String>> pages = new ArrayList<>();
        pages.add(List.of("s1"));
        pages.add(null);

        ArchiveSummary summary = archiver(pages).archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE).get();

        assertThat(summary.count(DownloadStatus.DOWNLOADED)).isEqualTo(1);
        assertThat(summary.listingError().get()).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(summary.complete()).isFalse();
    }

    @Test
    void waitsForRecordingsThatAreNotReadyWhenAsked() throws Exception {
        served("s1", "r1", "a.mp4", 1000, 8);
        media.put("/media/s1/r1", LoopbackMedia.bytes(1000, 8)).fail(409, 2);

        ArchiveSummary summary = archiver(List.of(List.of("s1"))).archive(SessionQuery.all(), out,
                ArchiveOptions.defaults().withWaitForReady(Duration.ofMinutes(1)), ArchiveListener.NONE).get();

        assertThat(summary.count(DownloadStatus.DOWNLOADED)).isEqualTo(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void withoutWaitingANotReadyRecordingFailsAsNotReady() {
        served("s1", "r1", "a.mp4", 1000, 9);
        media.put("/media/s1/r1", LoopbackMedia.bytes(1000, 9)).fail(409, 1);

        ArchiveSummary summary = archiver(List.of(List.of("s1"))).archive(SessionQuery.all(), out,
                ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(summary.entries().get(0).error().get()).contains("not ready");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anInterruptedRunKeepsNoHalfFileAndTheNextRunCompletesIt() throws Exception {
        served("s1", "r1", "a.mp4", 40_000, 10);
        served("s1", "r2", "b.mp4", 40_000, 11);
        media.gatherFirst(2);
        Thread caller = Thread.currentThread();
        ArchiveListener interruptOnStart = new ArchiveListener() {
            @Override
            public void recordingStarted(Recording recording, Optional<Long> totalSize) {
                caller.interrupt();
            }
        };
        Archiver archiver = archiver(List.of(List.of("s1")));
        ArchiveSummary stopped;
        try {
            stopped = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults().withParallelism(1),
                    interruptOnStart).get();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(stopped.interrupted()).isTrue();
        assertThat(stopped.count(DownloadStatus.DOWNLOADED)).isZero();
        assertThat(out.resolve("loop/s1/a.mp4")).doesNotExist();
        assertThat(out.resolve("loop/s1/b.mp4")).doesNotExist();

        media.gatherFirst(0);
        ArchiveSummary finished = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE).get();

        assertThat(finished.count(DownloadStatus.DOWNLOADED)).isEqualTo(2);
        assertManifestMatchesDisk();
    }

    @Test
    void theListenerHearsEachSessionAndEachEntry() {
        threeSessions();
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        ArchiveListener listener = new ArchiveListener() {
            @Override
            public void sessionListed(SessionId session, int recordings) {
                heard.add("session " + session + " " + recordings);
            }

            @Override
            public void entryDone(ManifestEntry entry) {
                heard.add("entry " + entry.recordingId() + " " + entry.status().wireName());
            }
        };

        archiver(List.of(List.of("s1", "s2", "s3"))).archive(SessionQuery.all(), out,
                ArchiveOptions.defaults().withParallelism(1), listener);

        assertThat(heard.stream().filter(h -> h.startsWith("session")).collect(Collectors.toList()))
                .containsExactly("session s1 2", "session s2 1", "session s3 1");
        assertThat(heard.stream().filter(h -> h.startsWith("entry")).sorted().collect(Collectors.toList()))
                .containsExactly("entry r1 downloaded", "entry r2 downloaded", "entry r3 downloaded",
                        "entry r4 downloaded");
    }

    @Test
    void theManifestReaderIgnoresATruncatedLastLineAndRefusesABadLineElsewhere() throws Exception {
        String good = "{\"provider\":\"loop\",\"sessionId\":\"s1\",\"recordingId\":\"r1\",\"path\":\"loop/s1/a.mp4\","
                + "\"sizeBytes\":3,\"sha256\":\"" + "a".repeat(64) + "\",\"status\":\"downloaded\",\"error\":null}\n";
        Path file = out.resolve(Manifest.FILE_NAME);
        Files.writeString(file, good + good.substring(0, 40), StandardCharsets.UTF_8);

        assertThat(Manifest.read(file).get()).extracting(ManifestEntry::path).containsExactly("loop/s1/a.mp4");

        Files.writeString(file, good.substring(0, 40) + "\n" + good, StandardCharsets.UTF_8);

        assertThat(Manifest.read(file).getLeft().message()).contains("line 1").contains("fix or delete");
    }
}
