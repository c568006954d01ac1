package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.archive.Manifest;
import dev.tapedeck.archive.ManifestEntry;
import dev.tapedeck.sandbox.ManualClock;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.sandbox.spi.SandboxScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code archive} against a sandbox: a run, a re-run that fetches nothing, hostile names, and credentials. */
class ArchiveCommandTest {

    private static Sandbox sandbox;
    private CliHarness cli;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.builder().scenario(SandboxScenario.HOSTILE).build());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void pointAtSandbox() {
        sandbox.faults().clear();
        cli = CliHarness.pointingAt(sandbox);
    }

    @Test
    void archiveThenReRunSkipsEverythingItHas() {
        String[] args = {"--provider", "anchor", "--json", "archive", "--out", dir.toString(), "--since",
                "2026-01-05", "--until", "2026-01-07", "--status", "completed"};

        CliHarness.Result first = cli.run(args);
        sandbox.counters().reset();
        CliHarness.Result second = cli.run(args);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        List<JsonNode> firstEntries = first.json();
        assertThat(firstEntries).isNotEmpty().allSatisfy(e -> {
            assertThat(ListingCommandsTest.fieldNames(e)).containsExactly("provider", "sessionId", "recordingId",
                    "path", "sizeBytes", "sha256", "status", "error");
            assertThat(e.get("status").asText()).isEqualTo("downloaded");
            assertThat(dir.resolve(e.get("path").asText())).isRegularFile();
        });
        assertThat(dir.resolve("manifest.jsonl")).isRegularFile();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.json()).hasSameSizeAs(firstEntries)
                .allSatisfy(e -> assertThat(e.get("status").asText()).isEqualTo("skipped"));
        assertThat(sandbox.counters().requests(Origin.MEDIA)).isZero();
    }

    @Test
    void aCopyChangedOnDiskIsFetchedAgainWithANoteSayingSo() throws IOException {
        String[] args = {"--provider", "anchor", "--json", "archive", "--out", dir.toString(), "--session",
                "sess_0001"};
        CliHarness.Result first = cli.run(args);
        String path = first.json().get(0).get("path").asText();
        Files.writeString(dir.resolve(path), "changed by hand");

        CliHarness.Result second = cli.run(args);

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.json()).singleElement().satisfies(e -> assertThat(e.get("status").asText())
                .isEqualTo("downloaded"));
        assertThat(second.errLines()).singleElement().asString().startsWith("tapedeck: " + path
                + " was fetched again: it had changed on disk");
    }

    @Test
    void hostileProviderFileNamesLandInsideTheFolder() throws IOException {
        CliHarness.Result result = cli.run("--provider", "anchor", "--json", "archive", "--out", dir.toString(),
                "--session", "sess_0002");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).hasSize(3).allSatisfy(e -> {
            assertThat(e.get("path").asText()).doesNotContain("..").doesNotStartWith("/");
            assertThat(dir.resolve(e.get("path").asText()).normalize()).startsWith(dir).isRegularFile();
        });
        assertThat(dir.getParent().resolve("evil.mp4")).doesNotExist();
        assertThat(files()).allSatisfy(f -> assertThat(f.normalize()).startsWith(dir));
    }

    @Test
    void namedSessionsOfSeveralProvidersAreEachArchivedAtTheirOwnProvider() {
        CliHarness.Result result = cli.run("--json", "archive", "--out", dir.toString(),
                "--session", "call_0001", "--session", "sess_0001", "--session", "nobody_1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.json()).extracting(e -> e.get("provider").asText() + " " + e.get("sessionId").asText()
                + " " + e.get("status").asText()).containsExactlyInAnyOrder("kataven call_0001 downloaded",
                "anchor sess_0001 downloaded", "anchor nobody_1 failed");
    }

    @Test
    void tableModePrintsASummaryWithCountsFolderAndManifest() {
        CliHarness.Result result = cli.run("--provider", "anchor", "archive", "--out", dir.toString(), "--limit",
                "3");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines().get(0)).startsWith("STATUS").contains("PATH");
        assertThat(result.out()).contains("SUMMARY").containsPattern("downloaded +3")
                .containsPattern("skipped +0").containsPattern("failed +0")
                .contains("folder").contains(dir.toString())
                .contains("manifest").contains(dir.resolve("manifest.jsonl").toString());
        assertThat(result.err()).isEmpty();
    }

    @Test
    void failedEntriesArePrintedAndSetTheExitCodeOfTheFirstFailure() {
        // sess_0011 recorded nothing: its recordings are not found.
        CliHarness.Result result = cli.run("--provider", "anchor", "--json", "archive", "--out", dir.toString(),
                "--session", "sess_0001", "--session", "sess_0011");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.json()).extracting(e -> e.get("status").asText()).contains("downloaded", "failed");
        assertThat(result.json()).filteredOn(e -> e.get("status").asText().equals("failed"))
                .allSatisfy(e -> assertThat(e.get("error").asText()).isNotBlank());
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("tapedeck: 1 of 2 recordings failed");
    }

    @Test
    void truncatedMediaMakesTheArchiveExitWithIntegrity() {
        sandbox.faults().truncateNext(Origin.MEDIA, 20, 100);

        CliHarness.Result result = cli.run("--provider", "anchor", "--json", "archive", "--out", dir.toString(),
                "--session", "sess_0001", "--parallel", "1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(8);
        assertThat(result.json()).singleElement()
                .satisfies(e -> assertThat(e.get("status").asText()).isEqualTo("failed"));
    }

    @Test
    void sandboxFlagArchivesEveryProviderWithHistoryWithoutSendingKeysToTheMediaHost() throws IOException {
        CliHarness.Result result = CliHarness.empty().run("--sandbox", "--json", "archive", "--out",
                dir.toString(), "--until", "2026-01-12");

        List<JsonNode> entries = result.json();
        assertThat(entries).extracting(e -> e.get("provider").asText()).contains("anchor");
        assertThat(entries).filteredOn(e -> e.get("status").asText().equals("downloaded")).isNotEmpty();
        assertThat(result.err()).contains("skipping kataven");
        assertThat(files()).allSatisfy(f -> assertThat(f.normalize()).startsWith(dir));
    }

    @Test
    void sandboxFlagArchivesAProviderWithoutHistoryByTheSessionsItsEmulationSeededAndItsReRunFetchesNothing() {
        // A manual clock keeps the calls that are still uploading so for the whole test.
        ManualClock clock = new ManualClock(Instant.parse("2026-03-09T12:00:00Z"));
        CliHarness harness = CliHarness.empty().time(clock, duration -> { });
        String[] args = {"--sandbox", "--provider", "kataven,notte", "--json", "archive", "--out", dir.toString()};
        String note = "tapedeck: kataven has no session history; archiving the 10 sessions the sandbox seeded "
                + "(against the real service, name them with --session or --sessions-from)";

        CliHarness.Result first = harness.run(args);
        CliHarness.Result second = harness.run(args);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.errLines()).as(first.toString()).contains(note).noneMatch(line -> line.contains("skipping"));
        assertThat(kataven(first)).containsExactlyInAnyOrder("call_0001 downloaded", "call_0002 downloaded",
                "call_0003 downloaded", "call_0004 downloaded", "call_0005 downloaded", "call_0006 downloaded",
                "call_0007 waiting", "call_0008 waiting", "call_0009 waiting");
        assertThat(first.json()).filteredOn(e -> e.get("provider").asText().equals("notte")).isNotEmpty();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.errLines()).contains(note);
        assertThat(second.json()).extracting(e -> e.get("status").asText()).doesNotContain("downloaded", "failed");
        assertThat(kataven(second)).filteredOn(row -> row.endsWith("skipped")).hasSize(6);
        assertThat(dir.resolve("kataven/call_0001/recording.mp3")).isRegularFile();
    }

    @Test
    void withoutTheSandboxAProviderWithoutHistoryIsStillSkippedWithItsNote() {
        CliHarness.Result result = cli.run("--provider", "notte,kataven", "--json", "archive", "--out",
                dir.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.errLines()).contains("tapedeck: skipping kataven: kataven does not support session history")
                .noneMatch(line -> line.contains("seeded"));
        assertThat(kataven(result)).isEmpty();
    }

    /** The Kataven lines of an archive's JSON output as "session status". */
    private static List<String> kataven(CliHarness.Result result) {
        return result.json().stream().filter(e -> e.get("provider").asText().equals("kataven"))
                .map(e -> e.get("sessionId").asText() + " " + e.get("status").asText()).collect(Collectors.toList());
    }

    @Test
    void noApiKeyReachesTheMediaHostDuringAnArchive() {
        sandbox.counters().reset();

        CliHarness.Result result = cli.run("--provider", "anchor,notte", "archive", "--out", dir.toString(),
                "--limit", "12");

        assertThat(result.out()).contains("downloaded");
        assertThat(sandbox.counters().requests(Origin.MEDIA)).isPositive();
        assertThat(sandbox.counters().credentialHeadersSeen(Origin.MEDIA)).isZero();
    }

    @Test
    void aHistoryArchiveWithSessionsThatRecordedNothingOrAreNotReadySucceedsAndItsReRunFetchesNothing() {
        // A manual clock keeps the six seeded active Notte sessions active for the whole test.
        ManualClock clock = new ManualClock(Instant.parse("2026-03-09T12:00:00Z"));
        try (Sandbox own = Sandbox.start(SandboxOptions.builder().clock(clock).build())) {
            // A terminal wide enough for the error column, which a narrower table would cut short with …
            CliHarness harness = CliHarness.pointingAt(own).time(clock, duration -> { }).with("COLUMNS", "1000");
            // The newest 12 of both: notte nsess_0001..0006 (active, so waiting) and anchor sess_0120..0125, of
            // which sess_0120 is running (no recordings) and sess_0122 has three.
            String[] args = {"--provider", "anchor,notte", "archive", "--out", dir.toString(), "--limit", "12"};

            CliHarness.Result first = harness.run(args);
            own.counters().reset();
            CliHarness.Result second = harness.run(args);

            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(first.out()).containsPattern("downloaded +7").containsPattern("failed +0")
                    .containsPattern("waiting +6").containsPattern("sessions without recordings +1");
            List<String> notes = List.of(
                    "tapedeck: 6 recordings are waiting: not ready yet at the provider, so left for later; run this "
                            + "again later, or pass --wait DURATION to wait for them",
                    "tapedeck: 1 session had no recordings");
            assertThat(first.errLines()).as(first.toString()).containsExactlyElementsOf(notes);
            assertThat(rows(first)).filteredOn(row -> row.get(1).equals("nsess_0001")).singleElement()
                    .satisfies(row -> assertThat(row.get(0)).isEqualTo("waiting"));
            assertThat(first.out()).as("the advice is given once, on stderr").doesNotContain("not ready yet: ")
                    .doesNotContain("--wait");
            assertThat(rows(first)).extracting(row -> row.get(0)).doesNotContain("failed", "skipped");

            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.out()).containsPattern("downloaded +0").containsPattern("skipped +7")
                    .containsPattern("waiting +6").containsPattern("sessions without recordings +1");
            assertThat(second.errLines()).containsExactlyElementsOf(notes);
            assertThat(own.counters().requests(Origin.MEDIA)).isZero();
            assertThat(Manifest.read(dir.resolve(Manifest.FILE_NAME)).get()).hasSize(7)
                    .allSatisfy(entry -> assertThat(entry.done()).isTrue());
        }
    }

    @Test
    void aRunningSessionsHlsRecordingStillBeingWrittenIsWaitingWithNothingSavedAndAWaitTakesItOnceFinished()
            throws IOException {
        // A manual clock keeps the three seeded running Browserbase sessions running until a wait moves it.
        ManualClock clock = new ManualClock(Instant.parse("2026-03-09T12:00:00Z"));
        try (Sandbox own = Sandbox.start(SandboxOptions.builder().clock(clock).build())) {
            CliHarness.Result first = CliHarness.pointingAt(own).time(clock, duration -> { }).run("--provider",
                    "browserbase", "--json", "archive", "--out", dir.toString(), "--status", "active");
            List<Path> keptMeanwhile = files();
            List<ManifestEntry> manifestMeanwhile = Manifest.read(dir.resolve(Manifest.FILE_NAME)).get();
            // The third running session already has a page, whose playlist is still being written.
            JsonNode page = first.json().stream().filter(e -> e.get("recordingId").asText().equals("page-0"))
                    .findFirst().orElseThrow(() -> new AssertionError(first.toString()));
            String session = page.get("sessionId").asText();
            // One session, so that no other wait moves the clock meanwhile.
            CliHarness.Result waited = CliHarness.pointingAt(own).time(clock, clock::advance).run("--provider",
                    "browserbase", "--json", "archive", "--out", dir.toString(), "--session", session, "--wait", "2m");

            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(first.json()).hasSize(3).allSatisfy(e -> assertThat(e.get("status").asText())
                    .isEqualTo("waiting"));
            assertThat(page.get("error").asText()).contains("page-0", session,
                    "the HLS playlist has no #EXT-X-ENDLIST, so the recording is still being written");
            assertThat(keptMeanwhile).noneMatch(file -> file.startsWith(dir.resolve("browserbase")));
            assertThat(manifestMeanwhile).as("like any recording not ready, a line saying so, none vouching for it")
                    .singleElement().satisfies(entry -> assertThat(entry.notReady()).isTrue());
            assertThat(waited.exitCode()).as(waited.toString()).isZero();
            assertThat(waited.json()).filteredOn(e -> e.get("recordingId").asText().equals("page-0"))
                    .singleElement().satisfies(e -> assertThat(e.get("status").asText()).isEqualTo("downloaded"));
            Path saved = dir.resolve("browserbase").resolve(session).resolve("page-0.m3u8");
            assertThat(Files.readString(saved)).endsWith("#EXT-X-ENDLIST\n");
            assertThat(saved.resolveSibling("page-0_segments").resolve("00002.ts")).isRegularFile();
        }
    }

    @Test
    void tableRowsAreOrderedByProviderSessionAndRecording() {
        CliHarness.Result result = cli.run("--provider", "notte,anchor", "archive", "--out", dir.toString(),
                "--limit", "20", "--parallel", "8");

        List<List<String>> rows = rows(result);
        assertThat(rows).hasSizeGreaterThan(10);
        List<String> keys = rows.stream().map(row -> row.get(3) + " " + row.get(1) + " " + row.get(2))
                .collect(Collectors.toList());
        assertThat(keys).isSorted();
        assertThat(keys.get(0)).startsWith("anchor sess_01");
    }

    @Test
    void jsonLinesSayWaitingAndWhyForWhatWasNotReady() {
        CliHarness.Result result = cli.run("--provider", "notte", "--json", "archive", "--out", dir.toString(),
                "--limit", "8");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).extracting(e -> e.get("status").asText())
                .allSatisfy(status -> assertThat(status).isIn("downloaded", "waiting"));
        assertThat(result.json()).filteredOn(e -> !e.get("error").isNull()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("status").asText()).isEqualTo("waiting");
            assertThat(e.get("error").asText()).contains("active").doesNotContain("--wait");
            assertThat(e.get("sizeBytes").isNull()).isTrue();
        });
    }

    @Test
    void aSessionNamedByIdThatRecordedNothingIsStillNotFound() {
        CliHarness.Result result = cli.run("--provider", "anchor", "archive", "--out", dir.toString(),
                "--session", "sess_0011");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("1 of 1 recordings failed").doesNotContain("had no recordings");
    }

    @Test
    void mediaAnsweringServerErrorsMakesTheArchiveExitWithUnavailable() {
        sandbox.faults().failNext(Origin.MEDIA, 50, 500);

        CliHarness.Result result = cli.run("--provider", "anchor", "--json", "archive", "--out", dir.toString(),
                "--session", "sess_0001", "--parallel", "1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(result.json()).singleElement()
                .satisfies(e -> assertThat(e.get("status").asText()).isEqualTo("failed"));
    }

    @Test
    void aFolderAnotherRunHoldsStopsTheArchiveAtOnceWithOneLineAndExit6() throws Exception {
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread otherRun = new Thread(() -> {
            try (dev.tapedeck.archive.ArchiveLock lock = dev.tapedeck.archive.ArchiveLock.acquire(dir).get()) {
                held.countDown();
                done.await();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        });
        otherRun.start();
        held.await();
        sandbox.counters().reset();
        CliHarness.Result result;
        try {
            result = cli.run("--provider", "anchor", "archive", "--out", dir.toString(), "--limit", "3");
        } finally {
            done.countDown();
            otherRun.join();
        }

        ExitCodesTest.assertOneErrorLine(result, 6, "another tapedeck run is using the archive folder " + dir);
        assertThat(dir.resolve("manifest.jsonl")).doesNotExist();
        assertThat(sandbox.counters().requests(Origin.MEDIA)).isZero();
    }

    @Test
    void sessionIdsWithHistoryFiltersAreAUsageError() {
        ExitCodesTest.assertOneErrorLine(cli.run("--provider", "anchor", "archive", "--out", dir.toString(),
                "--session", "sess_0001", "--status", "completed"), 2, "--session");
    }

    /** The table rows between the header and the blank line: status, session, recording, provider. */
    private static List<List<String>> rows(CliHarness.Result result) {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (String line : result.lines().subList(1, result.lines().size())) {
            if (line.isBlank()) {
                break;
            }
            String[] cells = line.trim().split(" +");
            rows.add(List.of(cells[0], cells[2], cells[3], cells[1]));
        }
        return rows;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }
}
