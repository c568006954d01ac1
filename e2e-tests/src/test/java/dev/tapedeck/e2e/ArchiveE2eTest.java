package dev.tapedeck.e2e;

import static dev.tapedeck.e2e.E2e.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.junit.SandboxClients;
import dev.tapedeck.junit.TapedeckSandbox;
import dev.tapedeck.sandbox.anchor.AnchorApi;
import dev.tapedeck.sandbox.anchor.AnchorRecording;
import dev.tapedeck.sandbox.anchor.AnchorSession;
import dev.tapedeck.sandbox.kataven.KatavenApi;
import dev.tapedeck.sandbox.kataven.KatavenBehaviour;
import dev.tapedeck.sandbox.kataven.KatavenCall;
import dev.tapedeck.Connection;
import dev.tapedeck.archive.ArchiveListener;
import dev.tapedeck.archive.ArchiveOptions;
import dev.tapedeck.archive.ArchiveSummary;
import dev.tapedeck.archive.Archiver;
import dev.tapedeck.archive.Manifest;
import dev.tapedeck.archive.ManifestEntry;
import dev.tapedeck.download.DownloadStatus;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.sandbox.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive use case across providers: a history query, explicit ids, re-runs and the manifest. */
@TapedeckSandbox(clockStart = E2e.START_TEXT, settings = E2e.SMALL_LARGE_RECORDING, threads = 4)
class ArchiveE2eTest {

    @TempDir
    Path out;

    private final SandboxClients e2e;

    ArchiveE2eTest(SandboxClients e2e) {
        this.e2e = e2e;
    }

    @Test
    void anchorArchiveOfTheFirstTenSessionsDownloadsEveryRecordingIntoTheManifest() throws IOException {
        Connection anchor = e2e.connect("anchor");
        List<AnchorSession> firstTen = e2e.sandbox().emulation("anchor", AnchorApi.class).seed().sessions().subList(0, 10);
        Map<String, Long> expectedSizes = firstTen.stream().flatMap(s -> s.recordings().stream())
                .collect(Collectors.toMap(AnchorRecording::id, AnchorRecording::size));

        ArchiveSummary summary = right(archiver(anchor).archive(SessionQuery.builder().limit(10).build(), out,
                ArchiveOptions.defaults(), ArchiveListener.NONE));

        assertThat(summary.complete()).as("%s", summary).isTrue();
        assertThat(summary.entries()).hasSize(expectedSizes.size())
                .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(DownloadStatus.DOWNLOADED));
        List<ManifestEntry> manifest = manifest();
        assertThat(manifest).extracting(ManifestEntry::recordingId)
                .containsExactlyInAnyOrderElementsOf(expectedSizes.keySet());
        assertThat(manifest).allSatisfy(entry ->
                assertThat(entry.sizeBytes()).isEqualTo(expectedSizes.get(entry.recordingId())));
        assertManifestMatchesTheFiles(manifest);
        // sess_0002 has three recordings (one per browser tab): three files.
        try (Stream<Path> files = Files.list(out.resolve("anchor").resolve("sess_0002"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(3);
        }
    }

    @Test
    void aSecondAnchorRunDownloadsNothingAndReportsEverythingSkipped() throws IOException {
        Connection anchor = e2e.connect("anchor");
        SessionQuery firstTen = SessionQuery.builder().limit(10).build();
        ArchiveSummary first = right(archiver(anchor).archive(firstTen, out, ArchiveOptions.defaults(),
                ArchiveListener.NONE));
        long mediaAfterFirst = e2e.sandbox().counters().requests(Origin.MEDIA);
        List<ManifestEntry> manifestAfterFirst = manifest();

        ArchiveSummary second = right(archiver(anchor).archive(firstTen, out, ArchiveOptions.defaults(),
                ArchiveListener.NONE));

        assertThat(mediaAfterFirst).isPositive();
        assertThat(e2e.sandbox().counters().requests(Origin.MEDIA)).isEqualTo(mediaAfterFirst);
        assertThat(second.complete()).isTrue();
        assertThat(second.entries()).hasSameSizeAs(first.entries())
                .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(DownloadStatus.SKIPPED));
        List<ManifestEntry> manifest = manifest();
        assertThat(manifest).extracting(ManifestEntry::key)
                .containsExactlyInAnyOrderElementsOf(manifestAfterFirst.stream().map(ManifestEntry::key)
                        .collect(Collectors.toList()));
        assertManifestMatchesTheFiles(manifest);
    }

    @Test
    void katavenArchiveOfExplicitIdsDownloadsTheReadyCallsAndReportsTheMissingOne() throws IOException {
        Connection kataven = e2e.connect("kataven");
        List<SessionId> ready = e2e.sandbox().emulation("kataven", KatavenApi.class).seed().calls().stream()
                .filter(c -> c.behaviour() == KatavenBehaviour.READY
                        || c.behaviour() == KatavenBehaviour.READY_WITHOUT_EXPIRY)
                .map(KatavenCall::id).map(SessionId::of).collect(Collectors.toList());
        SessionId missing = SessionId.of(e2e.sandbox().emulation("kataven", KatavenApi.class).seed().call(KatavenBehaviour.NO_RECORDING).id());
        List<SessionId> ids = Stream.concat(ready.stream(), Stream.of(missing)).collect(Collectors.toList());

        ArchiveSummary first = right(archiver(kataven).archive(ids, out, ArchiveOptions.defaults(),
                ArchiveListener.NONE));
        long mediaAfterFirst = e2e.sandbox().counters().requests(Origin.MEDIA);
        ArchiveSummary second = right(archiver(kataven).archive(ids, out, ArchiveOptions.defaults(),
                ArchiveListener.NONE));

        assertThat(ready).hasSize(6);
        assertThat(first.count(DownloadStatus.DOWNLOADED)).isEqualTo(6);
        assertThat(first.entries()).filteredOn(e -> e.status() == DownloadStatus.FAILED)
                .extracting(ManifestEntry::sessionId).containsExactly(missing.value());
        assertThat(mediaAfterFirst).isEqualTo(6);
        assertThat(second.count(DownloadStatus.SKIPPED)).isEqualTo(6);
        assertThat(second.count(DownloadStatus.DOWNLOADED)).isZero();
        assertThat(second.count(DownloadStatus.FAILED)).isEqualTo(1);
        assertThat(e2e.sandbox().counters().requests(Origin.MEDIA)).isEqualTo(mediaAfterFirst);
        List<ManifestEntry> manifest = manifest();
        assertThat(manifest).extracting(ManifestEntry::sessionId)
                .containsExactlyInAnyOrderElementsOf(ready.stream().map(SessionId::value).collect(Collectors.toList()));
        assertThat(manifest).allSatisfy(entry -> {
            assertThat(entry.sizeBytes()).isEqualTo(Media.callMp3().length);
            assertThat(entry.sha256()).isEqualTo(Media.sha256(Media.callMp3()));
        });
        assertManifestMatchesTheFiles(manifest);
    }

    @Test
    void aDownloadBrokenInOneRunIsFinishedByTheNext() throws IOException {
        Connection anchor = e2e.connect("anchor");
        List<SessionId> one = List.of(SessionId.of("sess_0001"));
        e2e.sandbox().faults().truncateNext(Origin.MEDIA, 1, 8_000);

        ArchiveSummary first = right(archiver(anchor).archive(one, out, ArchiveOptions.defaults(),
                ArchiveListener.NONE));
        Path file = out.resolve("anchor").resolve("sess_0001").resolve("rec_0001_1.mp4");
        boolean keptAfterFirst = Files.exists(file);
        byte[] afterFirst = keptAfterFirst ? Files.readAllBytes(file) : new byte[0];
        ArchiveSummary second = right(archiver(anchor).archive(one, out, ArchiveOptions.defaults(),
                ArchiveListener.NONE));

        // Whether the first run resumed the body or failed it, a file under its final name is never partial.
        if (keptAfterFirst) {
            assertThat(afterFirst).isEqualTo(Media.sampleMp4());
        }
        assertThat(first.entries()).hasSize(1);
        assertThat(second.complete()).isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(Media.sampleMp4());
        assertManifestMatchesTheFiles(manifest());
    }

    private Archiver archiver(Connection connection) {
        return new Archiver(connection.recordings(), connection.history(), e2e.clock(), e2e.sleeper());
    }

    private List<ManifestEntry> manifest() {
        return right(Manifest.read(out.resolve(Manifest.FILE_NAME)));
    }

    /** Every entry is done, and its file is inside the archive with the recorded size and SHA-256. */
    private void assertManifestMatchesTheFiles(List<ManifestEntry> manifest) throws IOException {
        assertThat(manifest).isNotEmpty();
        Path root = out.toAbsolutePath().normalize();
        for (ManifestEntry entry : manifest) {
            assertThat(entry.done()).as("%s", entry).isTrue();
            Path file = root.resolve(entry.path()).normalize();
            assertThat(file).as("%s", entry).startsWith(root).isRegularFile();
            assertThat(Files.size(file)).as("%s", entry).isEqualTo(entry.sizeBytes());
            assertThat(Media.sha256(file)).as("%s", entry).isEqualTo(entry.sha256());
        }
    }
}
