package dev.tapedeck.cli;

import static dev.tapedeck.cli.ExitCodesTest.assertOneErrorLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.sandbox.ManualClock;
import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.sandbox.anchor.AnchorApi;
import dev.tapedeck.sandbox.notte.NotteApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's contract, each point through the real command against the demo sandbox on a manual clock:
 * exit code, the one stderr line, stdout. Waiting advances the clock, so the sandbox's sessions close and its
 * replays are finalised as the command waits.
 */
class CliContractTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-09T12:00:00Z"));
    private Sandbox sandbox;
    private CliHarness cli;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.builder().clock(clock).build());
        cli = CliHarness.pointingAt(sandbox).time(clock, clock::advance);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aMistypedCommandOrOptionGetsPicocliSuggestion() {
        assertOneErrorLine(cli.run("sesions"), 2, "did you mean sessions");
        assertOneErrorLine(cli.run("sessions", "--limt", "3"), 2, "did you mean --limit?");
    }

    @Test
    void aLimitBelowOneIsAUsageErrorBeforeAnyRequest() {
        assertOneErrorLine(cli.run("sessions", "--limit", "0"), 2, "--limit must be at least 1, was 0");
        assertOneErrorLine(cli.run("archive", "--limit", "0", "--out", dir.toString()), 2, "--limit must be");
        assertThat(sandbox.counters().requests(Origin.API)).isZero();
    }

    @Test
    void anOutThatIsAFileIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");

        assertOneErrorLine(cli.run("--provider", "anchor", "download", "sess_0001", "--out", file.toString()), 2,
                "is a file, not a folder");
        assertOneErrorLine(cli.run("--provider", "anchor", "archive", "--out", file.toString()), 2,
                "is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void theLimitCountsSessionsInAllNewestFirstAndFetchesOnePagePerProvider() {
        CliHarness.Result result = cli.run("--provider", "anchor,notte", "--json", "sessions", "--limit", "9");
        List<JsonNode> sessions = result.json();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(sessions).hasSize(9);
        List<Instant> created = sessions.stream().map(s -> Instant.parse(s.get("createdAt").asText()))
                .collect(Collectors.toList());
        assertThat(created).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(sessions).extracting(s -> s.get("provider").asText()).contains("anchor", "notte");
        List<String> newestSeeded = Stream.concat(
                sandbox.emulation("anchor", AnchorApi.class).seed().sessions().stream()
                        .map(s -> new Seeded(s.id(), s.createdAt())),
                sandbox.emulation("notte", NotteApi.class).seed().sessions().stream()
                        .map(s -> new Seeded(s.id(), s.createdAt())))
                .sorted(Comparator.comparing(Seeded::createdAt).reversed()).limit(9).map(Seeded::id)
                .collect(Collectors.toList());
        assertThat(sessions).extracting(s -> s.get("id").asText()).containsExactlyElementsOf(newestSeeded);
        assertThat(sandbox.counters().requests("anchor")).as("one page").isEqualTo(1);
        assertThat(sandbox.counters().requests("notte")).as("one page").isEqualTo(1);
    }

    private record Seeded(String id, Instant createdAt) {
    }

    @Test
    void aSessionNoProviderKnowsReportsEveryProvidersAnswerOnOneLine() {
        CliHarness.Result result = cli.run("recordings", "nobody_1");

        assertOneErrorLine(result, 3, "not found at any provider");
        assertThat(result.err()).contains("anchor answered").contains("notte has no session nobody_1")
                .contains("kataven answered");
    }

    @Test
    void katavenWithoutItsAccountIdIsUnauthorizedAndWithoutPlaybackUnsupported() {
        CliHarness.Result noAccount = CliHarness.pointingAt(sandbox).without("KATAVEN_ACCOUNT_ID")
                .run("--provider", "kataven", "recordings", "call_0001");

        assertOneErrorLine(noAccount, 4, "KATAVEN_ACCOUNT_ID is not set");
        assertOneErrorLine(cli.run("--provider", "kataven", "recordings", "call_0011"), 7,
                "playback is not configured");
    }

    @Test
    void pausingOrResumingASessionThatHasEndedSaysSoAndNotToTryAgainLater() {
        CliHarness.Result pause = cli.run("--provider", "anchor", "pause", "sess_0001");
        CliHarness.Result resume = cli.run("--provider", "anchor", "resume", "sess_0001");

        assertOneErrorLine(pause, 2, "session sess_0001 has ended (status completed)");
        assertThat(pause.err()).contains("can no longer be paused").doesNotContain("later");
        assertOneErrorLine(resume, 2, "can no longer be resumed");
    }

    @Test
    void aFileInPlaceIsCheckedWithoutFetchingItAgainUnlessVerifyIsAsked() {
        String[] download = {"--provider", "anchor", "--json", "download", "sess_0002", "--out", dir.toString()};
        cli.run(download);
        sandbox.counters().reset();

        CliHarness.Result again = cli.run(download);
        long mediaAgain = sandbox.counters().requests(Origin.MEDIA);
        List<String> verify = new ArrayList<>(List.of(download));
        verify.add("--verify");
        CliHarness.Result verified = cli.run(verify.toArray(String[]::new));

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.json()).hasSize(3).allSatisfy(e -> assertThat(e.get("status").asText()).isEqualTo("skipped"));
        assertThat(mediaAgain).as("nothing fetched").isZero();
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.json()).allSatisfy(e -> assertThat(e.get("status").asText()).isEqualTo("skipped"));
        assertThat(sandbox.counters().requests(Origin.MEDIA)).as("fetched to compare").isPositive();
    }

    @Test
    void aFileInPlaceThatIsNotWhatTheArchiveManifestRecordedFails() throws Exception {
        cli.run("--provider", "anchor", "archive", "--session", "sess_0001", "--out", dir.toString());
        Path file = dir.resolve("anchor/sess_0001/rec_0001_1.mp4");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);

        CliHarness.Result result = cli.run("--provider", "anchor", "--json", "download", "sess_0001", "--out",
                dir.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.json()).singleElement().satisfies(e -> assertThat(e.get("error").asText())
                .contains("not what the manifest recorded").contains("--overwrite"));
    }

    @Test
    void notReadyWorkIsWaitingInTheTableTheJsonAndTheSummaryWithTheAdviceOnce() {
        CliHarness.Result table = CliHarness.pointingAt(sandbox).time(clock, duration -> { }).run("--provider", "notte", "archive", "--out",
                dir.resolve("t").toString(), "--limit", "2");
        CliHarness.Result json = CliHarness.pointingAt(sandbox).time(clock, duration -> { }).run("--provider", "notte", "--json", "archive",
                "--out", dir.resolve("j").toString(), "--limit", "2");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.lines().subList(1, 3)).allSatisfy(line -> assertThat(line).startsWith("waiting "));
        assertThat(table.out()).containsPattern("\nwaiting +2\n").doesNotContain("--wait");
        assertThat(table.errLines()).singleElement().asString().contains("2 recordings are waiting")
                .contains("--wait");
        assertThat(json.json()).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("status").asText()).isEqualTo("waiting");
            assertThat(e.get("error").asText()).contains("still active").doesNotContain("--wait");
        });
        assertThat(json.errLines()).hasSize(1);
    }

    @Test
    void theWordBearerInAServerHintIsNotMasked() {
        CliHarness.Result result = CliHarness.pointingAt(sandbox).with("NOTTE_API_KEY", "nk-wrong-0123456789")
                .run("--provider", "notte", "sessions");

        assertOneErrorLine(result, 4, "Authorization: Bearer <NOTTE_API_KEY>");
        assertThat(result.err()).doesNotContain("nk-wrong-0123456789");
    }

    @Test
    void aClosedNotteSessionWhoseReplayIsBeingFinalisedIsWaitedOnThenDownloaded() {
        clock.advance(java.time.Duration.ofSeconds(31));

        CliHarness.Result now = CliHarness.pointingAt(sandbox).time(clock, duration -> { }).run("--provider", "notte",
                "download", "nsess_0001", "--out", dir.resolve("now").toString());
        CliHarness.Result waited = cli.run("--provider", "notte", "--json", "download", "nsess_0001", "--out",
                dir.resolve("waited").toString(), "--wait", "2m");

        assertOneErrorLine(now, 5, "finalising the replay of session nsess_0001");
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        assertThat(waited.json()).singleElement().satisfies(e -> assertThat(e.get("status").asText())
                .isEqualTo("downloaded"));
    }

    @Test
    void anUnknownNotteSessionIsNotFoundAtOnceEvenWithAWait() {
        Instant before = clock.instant();

        assertOneErrorLine(cli.run("--provider", "notte", "download", "nsess_9999", "--out", dir.toString(),
                "--wait", "2m"), 3, "notte has no session nsess_9999");
        assertThat(clock.instant()).as("no waiting").isEqualTo(before);
    }

    @Test
    void aStillActiveNotteSessionIsNotReadyWithTheAdviceToStopIt() {
        assertOneErrorLine(cli.run("--provider", "notte", "download", "nsess_0002", "--out", dir.toString()), 5,
                "stop the session");
    }

    @Test
    void sessionsFromAFileAreArchivedAndAMissingFileIsOneUsageLine() throws Exception {
        Path ids = Files.writeString(dir.resolve("calls.txt"), "# yesterday's calls\ncall_0001\n\n  call_0002  \n");

        CliHarness.Result archived = cli.run("--provider", "kataven", "--json", "archive", "--sessions-from",
                ids.toString(), "--out", dir.resolve("out").toString());

        assertThat(archived.exitCode()).as(archived.toString()).isZero();
        assertThat(archived.json()).extracting(e -> e.get("sessionId").asText())
                .containsExactlyInAnyOrder("call_0001", "call_0002");
        assertOneErrorLine(cli.run("--provider", "kataven", "archive", "--sessions-from",
                dir.resolve("missing.txt").toString()), 2, "no such file");
    }

    @Test
    void aSessionsFromFileThatNeverEndsIsOneUsageLineNotAllOfMemory() throws Exception {
        // A file one byte over the limit stands for /dev/zero, which was read until the heap ran out.
        Path huge = dir.resolve("huge.txt");
        try (var out = Files.newOutputStream(huge)) {
            byte[] line = "call_0001\n".repeat(1024).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= SessionIdFile.MAX_BYTES; written += line.length) {
                out.write(line);
            }
        }

        assertOneErrorLine(cli.run("--provider", "kataven", "archive", "--sessions-from", huge.toString(), "--out",
                dir.resolve("out").toString()), 2, "holds more than 64 MiB");
    }
}
