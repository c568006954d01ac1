package dev.tapedeck.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.RecordingSource;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SessionHistory;
import dev.tapedeck.TestMetadata;
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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
        return historyOf(pages.stream().map(page -> page == null ? null : page.stream()
                .map(id -> Session.builder(LoopbackMedia.PROVIDER, SessionId.of(id)).build()).toList())
                .collect(Collectors.toList()));
    }

    /** A history of pages of sessions; a page listed as null fails. */
    private static SessionHistory historyOf(List<List<Session>> pages) {
        return new SessionHistory() {
            @Override
            public ProviderMetadata metadata() {
                return TestMetadata.of(LoopbackMedia.PROVIDER,
                        Capabilities.builder().supports(Capability.SESSION_HISTORY).build());
            }

            @Override
            public Either<TapedeckError, Page<Session>> fetchPage(SessionQuery query, Optional<PageToken> token) {
                int index = token.map(t -> Integer.parseInt(t.value())).orElse(0);
                if (pages.get(index) == null) {
                    return Either.left(new TapedeckError.ProviderFailure(LoopbackMedia.PROVIDER, 502,
                            "the history answered 502", "", true));
                }
                List<Session> sessions = pages.get(index);
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
        String folder = session.matches("[A-Za-z0-9_-]+") ? session : "h" + Integer.toHexString(session.hashCode());
        String path = "/media/" + folder + "/" + id;
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
                "loop/s1/r1.mp4", "loop/s1/r2.mp4", "loop/s2/r3.mp4", "loop/s3/r4.mp4");
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
        assertThat(out.resolve("loop/s2/r3.mp4")).doesNotExist();

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
    void aFileChangedOnDiskIsFetchedAgainOnTheNextRunAndTheListenerHearsWhy() throws Exception {
        served("s1", "r1", "replay.mp4", 20_000, 5);
        served("s1", "r2", "other.mp4", 20_000, 6);
        Archiver archiver = archiver(List.of(List.of("s1")));
        archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(), ArchiveListener.NONE);
        Files.writeString(out.resolve("loop/s1/r1.mp4"), "tampered");
        Files.delete(out.resolve("loop/s1/r2.mp4"));
        Map<String, String> replaced = new ConcurrentHashMap<>();

        ArchiveSummary again = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                new ArchiveListener() {
                    @Override
                    public void copyReplaced(ManifestEntry vouched, String why) {
                        replaced.put(vouched.path(), why);
                    }
                }).get();

        assertThat(again.count(DownloadStatus.DOWNLOADED)).isEqualTo(2);
        assertManifestMatchesDisk();
        // Before, the changed copy was replaced without a word.
        assertThat(replaced).containsOnlyKeys("loop/s1/r1.mp4", "loop/s1/r2.mp4");
        assertThat(replaced.get("loop/s1/r1.mp4")).contains("changed on disk");
        assertThat(replaced.get("loop/s1/r2.mp4")).contains("missing");
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
        Archiver archiver = new Archiver(source, SessionHistory.unsupported(TestMetadata.of(LoopbackMedia.PROVIDER,
                Capabilities.builder().build())), CLOCK, sleeps::add);

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
        Archiver archiver = new Archiver(source, SessionHistory.unsupported(TestMetadata.of(LoopbackMedia.PROVIDER,
                Capabilities.builder().build())), CLOCK, sleeps::add);

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
    void withoutWaitingANotReadyRecordingOfTheHistoryIsSkippedAsNotReadyAndTheNextRunFetchesIt() throws Exception {
        served("s1", "r1", "a.mp4", 1000, 9);
        media.put("/media/s1/r1", LoopbackMedia.bytes(1000, 9)).fail(409, 1);
        Archiver archiver = archiver(List.of(List.of("s1")));
        List<String> failuresHeard = Collections.synchronizedList(new ArrayList<>());
        ArchiveListener listener = new ArchiveListener() {
            @Override
            public void entryFailed(ManifestEntry entry, TapedeckError error) {
                failuresHeard.add(entry.recordingId());
            }
        };

        ArchiveSummary first = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(), listener).get();

        ManifestEntry entry = first.entries().get(0);
        assertThat(entry.status()).isEqualTo(DownloadStatus.SKIPPED);
        assertThat(entry.notReady()).isTrue();
        assertThat(entry.done()).isFalse();
        assertThat(entry.error().get()).startsWith("not ready yet: ").contains("(409)")
                .endsWith("; re-run later or pass --wait");
        assertThat(first.notReady()).isEqualTo(1);
        assertThat(first.count(DownloadStatus.FAILED)).isZero();
        assertThat(first.succeeded()).isTrue();
        assertThat(first.complete()).isFalse();
        assertThat(failuresHeard).isEmpty();
        assertThat(sleeps).isEmpty();
        assertThat(out.resolve("loop/s1/r1.mp4")).doesNotExist();
        assertThat(manifest()).singleElement().satisfies(line -> {
            assertThat(line.status()).isEqualTo(DownloadStatus.SKIPPED);
            assertThat(line.notReady()).isTrue();
        });
        assertThat(Files.readString(out.resolve(Manifest.FILE_NAME))).contains("\"status\":\"skipped\"")
                .contains("\"error\":\"not ready yet: ");

        ArchiveSummary second = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE).get();

        assertThat(second.count(DownloadStatus.DOWNLOADED)).isEqualTo(1);
        assertThat(second.complete()).isTrue();
        assertManifestMatchesDisk();
    }

    @Test
    void aNotReadyRecordingOfANamedSessionIsAFailure() {
        served("s1", "r1", "a.mp4", 1000, 9);
        media.put("/media/s1/r1", LoopbackMedia.bytes(1000, 9)).fail(409, 1);

        ArchiveSummary summary = archiver(List.of()).archive(List.of(SessionId.of("s1")), out,
                ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(summary.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(DownloadStatus.FAILED);
            assertThat(entry.error().get()).contains("not ready");
        });
        assertThat(summary.succeeded()).isFalse();
    }

    @Test
    void historySessionsWithRecordingOffAreCountedWithoutAnyRequest() {
        served("s1", "r1", "a.mp4", 1000, 12);
        Listings listings = new Listings(Set.of());
        Session off = Session.builder(LoopbackMedia.PROVIDER, SessionId.of("s2")).recordingEnabled(false).build();
        Session on = Session.builder(LoopbackMedia.PROVIDER, SessionId.of("s1")).recordingEnabled(true).build();

        ArchiveSummary summary = new Archiver(listings, historyOf(List.of(List.of(off, on))), CLOCK, sleeps::add)
                .archive(SessionQuery.all(), out, ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(listings.listed).containsExactly("s1");
        assertThat(summary.sessionsWithoutRecordings()).isEqualTo(1);
        assertThat(summary.entries()).extracting(ManifestEntry::sessionId).containsExactly("s1");
        assertThat(manifest()).extracting(ManifestEntry::sessionId).containsExactly("s1");
        assertThat(summary.complete()).isTrue();
    }

    @Test
    void historySessionsWhoseRecordingsAreNotFoundOrEmptyHadNoRecordingsAndAreNoFailure() {
        served("s1", "r1", "a.mp4", 1000, 13);
        Listings listings = new Listings(Set.of()).empty("s3");

        ArchiveSummary summary = new Archiver(listings, history(List.of(List.of("s1", "gone", "s3"))), CLOCK,
                sleeps::add).archive(SessionQuery.all(), out, ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(summary.sessionsWithoutRecordings()).isEqualTo(2);
        assertThat(summary.entries()).extracting(ManifestEntry::sessionId).containsExactly("s1");
        assertThat(manifest()).extracting(ManifestEntry::sessionId).containsExactly("s1");
        assertThat(summary.complete()).isTrue();
    }

    @Test
    void aHistorySessionThatIsNotReadyGetsANotReadyEntryOutsideTheManifestAndIsAskedAgainNextRun() {
        served("s1", "r1", "a.mp4", 1000, 14);
        served("active", "r2", "b.mp4", 1000, 15);
        Listings listings = new Listings(Set.of("active"));
        Archiver archiver = new Archiver(listings, history(List.of(List.of("s1", "active"))), CLOCK, sleeps::add);

        ArchiveSummary first = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE).get();

        assertThat(first.entries()).filteredOn(e -> e.sessionId().equals("active")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.status()).isEqualTo(DownloadStatus.SKIPPED);
                    assertThat(entry.notReady()).isTrue();
                    assertThat(entry.recordingId()).isEmpty();
                    assertThat(entry.error().get()).startsWith("not ready yet: session active is still active")
                            .endsWith("re-run later or pass --wait");
                });
        assertThat(first.succeeded()).isTrue();
        assertThat(first.sessionsWithoutRecordings()).isZero();
        assertThat(manifest()).extracting(ManifestEntry::sessionId).containsExactly("s1");

        listings.notReady.clear();
        ArchiveSummary second = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE).get();

        assertThat(second.entries()).extracting(ManifestEntry::recordingId, ManifestEntry::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("r1", DownloadStatus.SKIPPED),
                        org.assertj.core.groups.Tuple.tuple("r2", DownloadStatus.DOWNLOADED));
        assertThat(second.complete()).isTrue();
    }

    @Test
    void aHistorySessionStillNotReadyWhenTheAskedWaitEndsIsAFailure() {
        Listings listings = new Listings(Set.of("active"));
        Clock ticking = new TickingClock();

        ArchiveSummary summary = new Archiver(listings, history(List.of(List.of("active"))), ticking, sleeps::add)
                .archive(SessionQuery.all(), out, ArchiveOptions.defaults().withWaitForReady(Duration.ofSeconds(3)),
                        ArchiveListener.NONE).get();

        assertThat(summary.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(DownloadStatus.FAILED);
            assertThat(entry.error().get()).contains("still not ready after waiting");
        });
        assertThat(summary.succeeded()).isFalse();
    }

    @Test
    void aFileOnDiskThatTheManifestDoesNotKnowIsRecordedAsSkippedWhenItHasTheSameBytes() throws Exception {
        served("s1", "r1", "a.mp4", 5000, 16);
        Path file = Files.createDirectories(out.resolve("loop/s1")).resolve("r1.mp4");
        Files.write(file, LoopbackMedia.bytes(5000, 16));

        ArchiveSummary summary = archiver(List.of(List.of("s1"))).archive(SessionQuery.all(), out,
                ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(summary.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(DownloadStatus.SKIPPED);
            assertThat(entry.sha256()).isEqualTo(sha256(file));
            assertThat(entry.sizeBytes()).isEqualTo(5000);
        });
        assertThat(summary.complete()).isTrue();
        assertManifestMatchesDisk();
        assertThat(manifest()).singleElement().satisfies(entry -> assertThat(entry.done()).isTrue());
    }

    @Test
    void aFileOnDiskThatTheManifestDoesNotKnowWithOtherBytesFailsAndIsLeftAlone() throws Exception {
        served("s1", "r1", "a.mp4", 5000, 17);
        Path file = Files.createDirectories(out.resolve("loop/s1")).resolve("r1.mp4");
        Files.writeString(file, "someone else's file");

        ArchiveSummary summary = archiver(List.of(List.of("s1"))).archive(SessionQuery.all(), out,
                ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(summary.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(DownloadStatus.FAILED);
            assertThat(entry.error().get()).contains("different content").contains("--overwrite");
        });
        assertThat(Files.readString(file)).isEqualTo("someone else's file");
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aFileNothingVouchesForIsComparedWithAFreshDownloadEvenWhenNoSizeIsDeclared() throws Exception {
        media.put("/media/s1/r1", LoopbackMedia.bytes(5000, 20));
        source.with(LoopbackMedia.recording("s1", "r1", RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(media.uri("/media/s1/r1"), Optional.empty())).build());
        Path file = Files.createDirectories(out.resolve("loop/s1")).resolve("r1.mp4");
        byte[] stranger = LoopbackMedia.bytes(5000, 21);
        Files.write(file, stranger);

        ArchiveSummary summary = archiver(List.of(List.of("s1"))).archive(SessionQuery.all(), out,
                ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        // Before, a file of any bytes was recorded as this recording's copy, its hash vouched for, nothing fetched.
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::path).containsExactly("/media/s1/r1");
        assertThat(summary.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(DownloadStatus.FAILED);
            assertThat(entry.error().get()).contains("different content");
        });
        assertThat(Files.readAllBytes(file)).isEqualTo(stranger);
        assertThat(manifest()).noneSatisfy(entry -> assertThat(entry.done()).isTrue());
    }

    @Test
    void aManifestLineNamingAnotherRecordingsFileDoesNotVouchForThisOne() throws Exception {
        served("s1", "r1", "a.mp4", 3000, 22);
        served("s2", "r2", "b.mp4", 3000, 23);
        Archiver archiver = archiver(List.of(List.of("s1", "s2")));
        archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(), ArchiveListener.NONE);
        ManifestEntry first = manifest().stream().filter(entry -> entry.sessionId().equals("s1")).findFirst()
                .orElseThrow();
        // A line for s2 that names s1's file and hash, and s2's own file gone.
        Files.writeString(out.resolve(Manifest.FILE_NAME), "{\"provider\":\"loop\",\"sessionId\":\"s2\","
                + "\"recordingId\":\"r2\",\"path\":\"" + first.path() + "\",\"sizeBytes\":3000,\"sha256\":\""
                + first.sha256() + "\",\"status\":\"downloaded\",\"error\":null}\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.delete(out.resolve("loop/s2/r2.mp4"));
        media.resetRequests();

        ArchiveSummary again = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE).get();

        assertThat(again.entries()).filteredOn(entry -> entry.sessionId().equals("s2")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.status()).isEqualTo(DownloadStatus.DOWNLOADED);
                    assertThat(entry.path()).isEqualTo("loop/s2/r2.mp4");
                });
        assertThat(out.resolve("loop/s2/r2.mp4")).exists();
        assertManifestMatchesDisk();
    }

    @Test
    void aCopyOfAnotherSizeThanTheProviderNowDeclaresIsFetchedAgainNotSkipped() throws Exception {
        served("s1", "r1", "a.mp4", 4000, 24);
        archiver(List.of(List.of("s1"))).archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE);
        // The provider now serves, and declares, another recording under the same id.
        media.put("/media/s1/r1", LoopbackMedia.bytes(6000, 25));
        LoopbackMedia.Source changed = media.source().with(LoopbackMedia.recording("s1", "r1", RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(media.uri("/media/s1/r1"), Optional.empty())).sizeBytes(6000L).build());

        ArchiveSummary again = new Archiver(changed, history(List.of(List.of("s1"))), CLOCK, sleeps::add)
                .archive(SessionQuery.all(), out, ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(again.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(DownloadStatus.DOWNLOADED);
            assertThat(entry.sizeBytes()).isEqualTo(6000);
        });
        assertManifestMatchesDisk();
    }

    @Test
    void twoRecordingsListedUnderOneIdAreNeverOneFileTheSecondIsAFailure() throws Exception {
        Recording first = served("s1", "r1", "a.mp4", 3000, 26);
        media.put("/media/s1/other", LoopbackMedia.bytes(3000, 27));
        source.with(LoopbackMedia.recording("s1", "r1", RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(media.uri("/media/s1/other"), Optional.empty())).sizeBytes(3000L).build());
        source.with(first);
        // The first listed again with a freshly signed URL: the same recording, not a second one.
        source.with(LoopbackMedia.recording("s1", "r1", RecordingFormat.MP4,
                new MediaLocation.RemoteUrl(media.uri("/media/s1/r1?sig=signed-again"), Optional.empty()))
                .sizeBytes(3000L).fileName("a.mp4").build());

        ArchiveSummary summary = archiver(List.of(List.of("s1"))).archive(SessionQuery.all(), out,
                ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(summary.entries()).extracting(ManifestEntry::status)
                .containsExactly(DownloadStatus.DOWNLOADED, DownloadStatus.FAILED);
        assertThat(summary.entries().get(1).error().get()).contains("listed recording r1 of session s1 more than once");
        assertThat(Files.readAllBytes(out.resolve("loop/s1/r1.mp4"))).isEqualTo(LoopbackMedia.bytes(3000, 26));
        assertThat(manifest()).singleElement().satisfies(entry -> assertThat(entry.done()).isTrue());
        assertThat(media.requests()).extracting(LoopbackMedia.Seen::path).containsExactly("/media/s1/r1");
    }

    @Test
    void aSessionNamedTwiceIsArchivedOnce() throws Exception {
        served("s1", "r1", "a.mp4", 3000, 28);

        ArchiveSummary summary = archiver(List.of()).archive(List.of(SessionId.of("s1"), SessionId.of("s1")), out,
                ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(summary.entries()).singleElement().satisfies(entry -> assertThat(entry.status())
                .isEqualTo(DownloadStatus.DOWNLOADED));
        assertThat(summary.complete()).isTrue();
    }

    @Test
    void aSkippedManifestLineCountsAsDoneOnlyWhenItsFileVerifies() throws Exception {
        served("s1", "r1", "a.mp4", 2000, 18);
        served("s1", "r2", "b.mp4", 2000, 19);
        // Two skipped lines: one not ready (no hash), one whose file is gone.
        String notReady = "{\"provider\":\"loop\",\"sessionId\":\"s1\",\"recordingId\":\"r1\","
                + "\"path\":\"loop/s1/a.mp4\",\"sizeBytes\":0,\"sha256\":\"\",\"status\":\"skipped\","
                + "\"error\":\"not ready yet: still processing; re-run later or pass --wait\"}\n";
        String gone = "{\"provider\":\"loop\",\"sessionId\":\"s1\",\"recordingId\":\"r2\","
                + "\"path\":\"loop/s1/b.mp4\",\"sizeBytes\":2000,\"sha256\":\"" + "b".repeat(64)
                + "\",\"status\":\"skipped\",\"error\":null}\n";
        Files.writeString(out.resolve(Manifest.FILE_NAME), notReady + gone, StandardCharsets.UTF_8);

        ArchiveSummary summary = archiver(List.of(List.of("s1"))).archive(SessionQuery.all(), out,
                ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(media.requests()).extracting(LoopbackMedia.Seen::path)
                .containsExactlyInAnyOrder("/media/s1/r1", "/media/s1/r2");
        assertThat(summary.count(DownloadStatus.DOWNLOADED)).isEqualTo(2);
        assertManifestMatchesDisk();
        assertThat(manifest()).allSatisfy(entry -> assertThat(entry.done()).isTrue());
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
        assertThat(out.resolve("loop/s1/r1.mp4")).doesNotExist();
        assertThat(out.resolve("loop/s1/r2.mp4")).doesNotExist();

        media.gatherFirst(0);
        ArchiveSummary finished = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE).get();

        assertThat(finished.count(DownloadStatus.DOWNLOADED)).isEqualTo(2);
        assertManifestMatchesDisk();
    }

    @Test
    void anInterruptedRunReturnsOnlyOnceEveryDownloadItStartedHasStoppedAndReportsIt() throws Exception {
        served("s1", "r1", "a.mp4", 40_000, 10);
        served("s1", "r2", "b.mp4", 40_000, 11);
        Thread caller = Thread.currentThread();
        CountDownLatch returned = new CountDownLatch(1);
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        ArchiveListener interruptThenLinger = new ArchiveListener() {
            @Override
            public void recordingStarted(Recording recording, Optional<Long> totalSize) {
                caller.interrupt();
                lingerAfterStop(caller, returned);
            }

            @Override
            public void entryDone(ManifestEntry entry) {
                done.add(entry.recordingId());
            }
        };
        ArchiveSummary stopped;
        List<String> doneAtReturn;
        try {
            // With parallelism 1 the listing waits for r1's slot to queue r2, so the stop finds it waiting there.
            stopped = archiver(List.of(List.of("s1"))).archive(SessionQuery.all(), out,
                    ArchiveOptions.defaults().withParallelism(1), interruptThenLinger).get();
            doneAtReturn = List.copyOf(done);
        } finally {
            returned.countDown();
            Thread.interrupted();
        }

        assertThat(doneAtReturn).as("downloads done with when archive() returned").containsExactly("r1");
        assertThat(stopped.interrupted()).isTrue();
        assertThat(stopped.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.recordingId()).isEqualTo("r1");
            assertThat(entry.status()).isEqualTo(DownloadStatus.FAILED);
        });
        assertThat(manifest()).containsExactlyElementsOf(stopped.entries());
        assertThat(out.resolve("loop/s1/r1.mp4")).doesNotExist();
    }

    /**
     * Holds a download (in its listener) until the archive stops it, and then until the archive has returned or
     * waits for it: so a run that returned without waiting for its downloads certainly leaves this one running.
     */
    private static void lingerAfterStop(Thread caller, CountDownLatch returned) {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException stop) {
            // The archive stops its downloads by interrupting them.
        }
        while (returned.getCount() > 0 && caller.getState() != Thread.State.WAITING
                && caller.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        Thread.currentThread().interrupt();
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

    /**
     * A provider's listings over the loopback source that counts which sessions were listed; sessions in
     * {@code notReady} answer not ready, those marked {@link #empty} have no recordings.
     */
    private final class Listings implements RecordingSource {
        final List<String> listed = Collections.synchronizedList(new ArrayList<>());
        final Set<String> notReady;
        private final Set<String> empty = new HashSet<>();

        Listings(Set<String> notReady) {
            this.notReady = new HashSet<>(notReady);
        }

        Listings empty(String session) {
            empty.add(session);
            return this;
        }

        @Override
        public ProviderMetadata metadata() {
            return source.metadata();
        }

        @Override
        public Either<TapedeckError, List<Recording>> recordings(SessionId session) {
            listed.add(session.value());
            if (notReady.contains(session.value())) {
                return Either.left(new TapedeckError.NotReady(LoopbackMedia.PROVIDER, "session " + session
                        + " is still active", Optional.empty()));
            }
            return empty.contains(session.value()) ? Either.right(List.of()) : source.recordings(session);
        }

        @Override
        public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
            return source.openMedia(recording, request);
        }
    }

    /** A clock that moves on a second each time it is read, so that a wait reaches its deadline. */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    @Test
    void sessionsWhoseIdsCannotBeFileNamesStillGetTheirOwnFolderAndManifestLines() throws Exception {
        List<String> ids = List.of("..", ".", "\u0000", "\u001b[2J\u001b]0;pwned\u0007", "x/y", "x_y", "Abc", "abc",
                "   ");
        for (int i = 0; i < ids.size(); i++) {
            served(ids.get(i), "r1", "same.mp4", 1000 + i, 40 + i);
        }

        ArchiveSummary summary = archiver(List.of(ids)).archive(SessionQuery.all(), out, ArchiveOptions.defaults(),
                ArchiveListener.NONE).get();

        assertThat(summary.complete()).isTrue();
        assertThat(manifest()).extracting(ManifestEntry::sessionId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(manifest()).extracting(ManifestEntry::path).doesNotHaveDuplicates()
                .allSatisfy(path -> assertThat(path).matches("loop/[^/]+/r1\\.mp4").doesNotContain("/./", "/../"));
        assertThat(manifest().stream().map(e -> e.path().toLowerCase(java.util.Locale.ROOT)).distinct()).hasSize(
                ids.size());
        assertManifestMatchesDisk();
    }

    @Test
    void recordingsAreNamedAfterTheirIdsWhateverOrderTheyAreListedIn() throws Exception {
        served("s1", "b", "replay.mp4", 1000, 50);
        served("s1", "a", "replay.mp4", 1000, 51);

        ArchiveSummary summary = archiver(List.of(List.of("s1"))).archive(SessionQuery.all(), out,
                ArchiveOptions.defaults(), ArchiveListener.NONE).get();

        assertThat(summary.entries()).extracting(ManifestEntry::recordingId, ManifestEntry::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b", "loop/s1/b.mp4"),
                org.assertj.core.groups.Tuple.tuple("a", "loop/s1/a.mp4"));
    }

    @Test
    void aSecondRunOnTheFolderIsRefusedAtOnceWhileTheFirstHoldsIt() throws Exception {
        served("s1", "r1", "a.mp4", 20_000, 60);
        Archiver archiver = archiver(List.of(List.of("s1")));
        List<Either<TapedeckError, ArchiveSummary>> second = Collections.synchronizedList(new ArrayList<>());
        List<String> manifestSeen = Collections.synchronizedList(new ArrayList<>());
        ArchiveListener startSecondRun = new ArchiveListener() {
            @Override
            public void recordingStarted(Recording recording, Optional<Long> totalSize) {
                if (second.isEmpty()) {
                    manifestSeen.add(readManifestText());
                    Thread other = new Thread(() -> second.add(archiver.archive(SessionQuery.all(), out,
                            ArchiveOptions.defaults(), ArchiveListener.NONE)));
                    other.start();
                    join(other);
                    manifestSeen.add(readManifestText());
                }
            }
        };

        ArchiveSummary first = archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(), startSecondRun)
                .get();

        assertThat(second).singleElement().satisfies(result -> {
            assertThat(result.getLeft()).isInstanceOf(TapedeckError.InUse.class);
            assertThat(result.getLeft().message()).isEqualTo("another tapedeck run is using the archive folder "
                    + out.toAbsolutePath().normalize() + "; let it finish, or archive into another folder");
        });
        assertThat(manifestSeen.get(1)).isEqualTo(manifestSeen.get(0));
        assertThat(first.complete()).isTrue();
        assertManifestMatchesDisk();
        assertThat(archiver.archive(SessionQuery.all(), out, ArchiveOptions.defaults(), ArchiveListener.NONE).get()
                .count(DownloadStatus.SKIPPED)).as("the folder is free again once the first run ends").isEqualTo(1);
    }

    private String readManifestText() {
        try {
            Path file = out.resolve(Manifest.FILE_NAME);
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theThreadThatHoldsTheFolderMayArchiveIntoItAgainForAnotherProvider() {
        served("s1", "r1", "a.mp4", 1000, 61);
        try (ArchiveLock held = ArchiveLock.acquire(out).get()) {
            ArchiveSummary summary = archiver(List.of(List.of("s1"))).archive(SessionQuery.all(), out,
                    ArchiveOptions.defaults(), ArchiveListener.NONE).get();

            assertThat(summary.complete()).isTrue();
            assertThat(held.folder()).isEqualTo(out.toAbsolutePath().normalize());
        }
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
