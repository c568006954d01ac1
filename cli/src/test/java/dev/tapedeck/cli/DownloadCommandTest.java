package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.sandbox.ManualClock;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.sandbox.spi.SandboxScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code download} against a sandbox on a manual clock: files, report lines, waiting, and failures. */
class DownloadCommandTest {

    private static ManualClock clock;
    private static Sandbox sandbox;
    private CliHarness cli;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() {
        clock = new ManualClock(Instant.parse("2026-03-09T12:00:00Z"));
        sandbox = Sandbox.start(SandboxOptions.builder().clock(clock).scenario(SandboxScenario.HOSTILE).build());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void pointAtSandbox() {
        sandbox.faults().clear();
        // Retries advance no clock here, so active Notte sessions stay active for every test of this class.
        cli = CliHarness.pointingAt(sandbox).time(clock, duration -> { });
    }

    @Test
    void downloadsTheRecordingAndPrintsARowAndASummary() throws Exception {
        CliHarness.Result result = cli.run("--provider", "anchor", "download", "sess_0001", "--out",
                dir.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<Path> files = files();
        assertThat(files).hasSize(1);
        assertThat(Files.size(files.get(0))).isPositive();
        assertThat(result.lines().get(0)).startsWith("STATUS").contains("PATH");
        assertThat(result.lines().get(1)).startsWith("downloaded").contains("sess_0001");
        assertThat(result.out()).contains("folder").contains(dir.toString());
        assertThat(result.err()).isEmpty();
    }

    @Test
    void jsonLinesDescribeEachFileWithItsChecksum() throws Exception {
        CliHarness.Result result = cli.run("--provider", "anchor", "--json", "download", "sess_0001", "--out",
                dir.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode entry = result.json().get(0);
        assertThat(result.json()).hasSize(1);
        assertThat(ListingCommandsTest.fieldNames(entry)).containsExactly("provider", "sessionId", "recordingId",
                "path", "sizeBytes", "sha256", "status", "error");
        assertThat(entry.get("status").asText()).isEqualTo("downloaded");
        assertThat(entry.get("error").isNull()).isTrue();
        Path file = dir.resolve(entry.get("path").asText());
        assertThat(entry.get("sizeBytes").asLong()).isEqualTo(Files.size(file));
        assertThat(entry.get("sha256").asText()).isEqualTo(sha256(file));
    }

    @Test
    void providerNamesThatClimbOutOfTheFolderLandInsideIt() throws Exception {
        CliHarness.Result result = cli.run("--provider", "anchor", "--json", "download", "sess_0002", "--out",
                dir.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).hasSize(3).allSatisfy(e -> {
            assertThat(e.get("status").asText()).isEqualTo("downloaded");
            assertThat(e.get("path").asText()).doesNotContain("..").doesNotStartWith("/");
        });
        assertThat(files()).hasSize(3).allSatisfy(f -> assertThat(f.getParent())
                .isEqualTo(dir.resolve("anchor").resolve("sess_0002")));
        assertThat(dir.getParent().resolve("evil.mp4")).doesNotExist();
    }

    @Test
    void downloadAndArchiveNameARecordingTheSameWay() throws Exception {
        Path downloaded = dir.resolve("download");
        Path archived = dir.resolve("archive");

        CliHarness.Result download = cli.run("--provider", "anchor", "--json", "download", "sess_0002", "--out",
                downloaded.toString());
        CliHarness.Result archive = cli.run("--provider", "anchor", "--json", "archive", "--session", "sess_0002",
                "--out", archived.toString());

        assertThat(download.exitCode()).as(download.toString()).isZero();
        assertThat(archive.exitCode()).as(archive.toString()).isZero();
        List<String> paths = download.json().stream().map(e -> e.get("path").asText()).sorted()
                .collect(Collectors.toList());
        assertThat(paths).containsExactly("anchor/sess_0002/rec_0002_1.mp4", "anchor/sess_0002/rec_0002_2.mp4",
                "anchor/sess_0002/rec_0002_3.mp4");
        assertThat(archive.json().stream().map(e -> e.get("path").asText()).sorted().collect(Collectors.toList()))
                .isEqualTo(paths);
        for (String path : paths) {
            assertThat(sha256(downloaded.resolve(path))).isEqualTo(sha256(archived.resolve(path)));
        }
    }

    @Test
    void anIdenticalExistingFileIsSkippedAndExitsZero() throws Exception {
        cli.run("--provider", "anchor", "download", "sess_0001", "--out", dir.toString());
        Path file = files().get(0);
        String before = sha256(file);

        CliHarness.Result again = cli.run("--provider", "anchor", "--json", "download", "sess_0001", "--out",
                dir.toString());
        CliHarness.Result table = cli.run("--provider", "anchor", "download", "sess_0001", "--out",
                dir.toString());

        assertThat(again.exitCode()).as(again.toString()).isZero();
        JsonNode entry = again.json().get(0);
        assertThat(entry.get("status").asText()).isEqualTo("skipped");
        assertThat(entry.get("error").isNull()).isTrue();
        assertThat(entry.get("sha256").asText()).isEqualTo(before);
        assertThat(entry.get("sizeBytes").asLong()).isEqualTo(Files.size(file));
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.lines().get(1)).startsWith("skipped");
        assertThat(table.err()).isEmpty();
        assertThat(files()).containsExactly(file);
    }

    @Test
    void anExistingFileWithOtherContentIsKeptUnlessOverwriteIsGiven() throws Exception {
        cli.run("--provider", "anchor", "download", "sess_0001", "--out", dir.toString());
        Path file = files().get(0);
        Files.writeString(file, "mine");

        CliHarness.Result again = cli.run("--provider", "anchor", "--json", "download", "sess_0001", "--out",
                dir.toString());

        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        assertThat(again.json().get(0).get("status").asText()).isEqualTo("failed");
        assertThat(again.json().get(0).get("error").asText()).contains("different content").contains("--overwrite");
        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(files()).containsExactly(file);

        CliHarness.Result overwritten = cli.run("--provider", "anchor", "--json", "download", "sess_0001", "--out",
                dir.toString(), "--overwrite");

        assertThat(overwritten.exitCode()).as(overwritten.toString()).isZero();
        assertThat(overwritten.json().get(0).get("status").asText()).isEqualTo("downloaded");
        assertThat(sha256(file)).isEqualTo(overwritten.json().get(0).get("sha256").asText());
    }

    @Test
    void stillActiveNotteSessionIsNotReadyWithoutWait() {
        CliHarness.Result result = cli.run("--provider", "notte", "download", "nsess_0002", "--out",
                dir.toString());

        ExitCodesTest.assertOneErrorLine(result, 5, "active");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void waitWaitsUntilTheNotteReplayExists() {
        // Its own sandbox, since waiting moves the clock on past the moment active sessions close.
        ManualClock ownClock = new ManualClock(Instant.parse("2026-03-09T12:00:00Z"));
        CliHarness.Result result;
        try (Sandbox own = Sandbox.start(SandboxOptions.builder().clock(ownClock).build())) {
            result = CliHarness.pointingAt(own).time(ownClock, ownClock::advance).run("--provider", "notte",
                    "--json", "download", "nsess_0003", "--out", dir.toString(), "--wait", "5m");
        }

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("status").asText()).isEqualTo("downloaded"));
    }

    @Test
    void anHlsRecordingStillBeingWrittenIsNotReadyInOneLineAndWaitWaitsUntilItEndsWithEveryTab() throws IOException {
        // Its own sandbox, since waiting moves the clock on past the moment running sessions end.
        ManualClock ownClock = new ManualClock(Instant.parse("2026-03-09T12:00:00Z"));
        CliHarness.Result now;
        List<Path> keptMeanwhile;
        CliHarness.Result waited;
        try (Sandbox own = Sandbox.start(SandboxOptions.builder().clock(ownClock).build())) {
            CliHarness still = CliHarness.pointingAt(own).time(ownClock, duration -> { });
            // The third running Browserbase session already has a page, whose playlist is still being written.
            String third = still.run("--provider", "browserbase", "--json", "sessions", "--status", "active").json()
                    .get(2).get("id").asText();
            now = still.run("--provider", "browserbase", "download", third, "--out", dir.toString());
            keptMeanwhile = files();
            waited = CliHarness.pointingAt(own).time(ownClock, ownClock::advance).run("--provider", "browserbase",
                    "--json", "download", third, "--out", dir.toString(), "--wait", "2m");
        }

        assertThat(now.exitCode()).as(now.toString()).isEqualTo(5);
        assertThat(now.errLines()).as(now.toString()).singleElement().asString().startsWith("tapedeck: ")
                .contains("page-0", "the HLS playlist has no #EXT-X-ENDLIST, so the recording is still being written");
        assertThat(keptMeanwhile).isEmpty();
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        // The session ended with two tabs; the second was opened after the first listing, and is not lost.
        assertThat(waited.json()).extracting(e -> e.get("recordingId").asText()).containsExactly("page-0", "page-1");
        assertThat(waited.json()).allSatisfy(e -> {
            assertThat(e.get("status").asText()).isEqualTo("downloaded");
            assertThat(Files.readString(dir.resolve(e.get("path").asText()))).endsWith("#EXT-X-ENDLIST\n");
        });
    }

    @Test
    void truncatedMediaIsAnIntegrityFailure() {
        sandbox.faults().truncateNext(Origin.MEDIA, 20, 100);

        CliHarness.Result result = cli.run("--provider", "notte", "download", "nsess_0009", "--out",
                dir.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(8);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("tapedeck: ").doesNotContain("signature=");
        assertThat(result.out()).contains("failed");
    }

    @Test
    void aRecordingLargerThanMaxSizeFailsInOneLineAndNothingIsKept() throws Exception {
        CliHarness.Result result = cli.run("--provider", "anchor", "download", "sess_0001", "--out",
                dir.toString(), "--max-size", "1KiB");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(8);
        assertThat(result.errLines()).singleElement().asString().startsWith("tapedeck: ")
                .contains("more than the 1024 it may have", "--max-size");
        assertThat(files()).isEmpty();
    }

    @Test
    void aDiskWithLessThanMinFreeLeftStopsTheDownloadInOneLine() throws Exception {
        CliHarness.Result result = cli.run("--provider", "anchor", "download", "sess_0001", "--out",
                dir.toString(), "--min-free", "900000GiB");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.errLines()).singleElement().asString().startsWith("tapedeck: ")
                .contains("bytes free", "free some space and run again");
        assertThat(files()).isEmpty();
    }

    @Test
    void aMaxSizeOfNothingIsAUsageError() {
        CliHarness.Result result = cli.run("--provider", "anchor", "download", "sess_0001", "--out",
                dir.toString(), "--max-size", "0");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("--max-size must be at least 1 byte");
    }

    @Test
    void noApiKeyReachesTheMediaHost() {
        sandbox.counters().reset();

        cli.run("--provider", "anchor", "download", "sess_0002", "--out", dir.resolve("a").toString());
        cli.run("--provider", "notte", "download", "nsess_0008", "--out", dir.resolve("n").toString());
        cli.run("--provider", "kataven", "download", "call_0001", "--out", dir.resolve("k").toString());

        assertThat(sandbox.counters().requests(Origin.MEDIA)).isPositive();
        assertThat(sandbox.counters().credentialHeadersSeen(Origin.MEDIA)).isZero();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
