package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.sandbox.Origin;
import dev.tapedeck.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each class of failure ends with its exit code and exactly one line on stderr that holds no secret. */
class ExitCodesTest {

    private static Sandbox sandbox;
    private CliHarness cli;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start();
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
    void unknownOptionIsAUsageError() {
        assertOneErrorLine(cli.run("sessions", "--colour"), 2, "--colour");
    }

    @Test
    void missingCommandIsAUsageError() {
        assertOneErrorLine(cli.run(), 2, "missing command");
    }

    @Test
    void badDateIsAUsageError() {
        assertOneErrorLine(cli.run("--provider", "anchor", "sessions", "--since", "last tuesday"), 2,
                "not a date");
    }

    @Test
    void badStatusAndBadSortAreUsageErrors() {
        assertOneErrorLine(cli.run("--provider", "anchor", "sessions", "--status", "sleeping"), 2, "sleeping");
        assertOneErrorLine(cli.run("--provider", "anchor", "sessions", "--sort", "created_at:sideways"), 2,
                "sideways");
    }

    @Test
    void sinceAfterUntilIsAUsageError() {
        assertOneErrorLine(cli.run("--provider", "anchor", "sessions", "--since", "2026-02-01", "--until",
                "2026-01-01"), 2, "after");
    }

    @Test
    void badWaitIsAUsageError() {
        assertOneErrorLine(cli.run("--provider", "anchor", "download", "sess_0001", "--wait", "soon"), 2,
                "not a duration");
    }

    @Test
    void unknownProviderIsAUsageErrorListingTheKnownOnes() {
        assertOneErrorLine(cli.run("--provider", "vimeo", "sessions"), 2, "anchor");
    }

    @Test
    void oneSessionCommandWithSeveralConfiguredProvidersFindsTheSessionAtItsProviderQuietly() {
        CliHarness.Result result = cli.run("--json", "recordings", "sess_0001");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).singleElement().satisfies(r -> assertThat(r.get("provider").asText())
                .isEqualTo("anchor"));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aProviderSetUpWronglyIsNamedWhileTheSessionIsFoundElsewhere() {
        CliHarness.Result result = CliHarness.pointingAt(sandbox).with("KATAVEN_ACCOUNT_ID", "Acme Corp")
                .run("--json", "recordings", "sess_0001");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.errLines()).singleElement().asString().startsWith("tapedeck: skipping kataven: ")
                .contains("KATAVEN_ACCOUNT_ID");
    }

    @Test
    void archivingNamedSessionsIntoAFileIsOneErrorLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("afile"), "mine");

        CliHarness.Result result = cli.run("archive", "--session", "sess_0001", "--out", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.errLines()).as(result.toString()).singleElement().asString()
                .contains("is a file, not a folder").doesNotContain("Exception");
    }

    @Test
    void aSessionNoConfiguredProviderKnowsIsNotFoundOnOneLine() {
        assertOneErrorLine(cli.run("recordings", "nobody_1"), 3, "nobody_1");
    }

    @Test
    void oneSessionCommandUsesTheOnlyConfiguredProvider() {
        CliHarness.Result result = CliHarness.pointingAt(sandbox).without("NOTTE_API_KEY")
                .without("KATAVEN_API_KEY").run("--json", "recordings", "sess_0001");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).singleElement().satisfies(r -> assertThat(r.get("provider").asText())
                .isEqualTo("anchor"));
    }

    @Test
    void missingKeyIsUnauthorized() {
        assertOneErrorLine(CliHarness.pointingAt(sandbox).without("ANCHOR_API_KEY")
                .run("--provider", "anchor", "sessions"), 4, "ANCHOR_API_KEY");
    }

    @Test
    void noKeyAnywhereIsOneErrorLineWithoutSkipNotes() {
        assertOneErrorLine(CliHarness.empty().run("sessions"), 4, "_API_KEY");
    }

    @Test
    void baseUrlWithSeveralProvidersIsAUsageError() {
        assertOneErrorLine(cli.run("--provider", "anchor,notte", "--base-url", "http://127.0.0.1:1", "sessions"), 2,
                "--base-url");
    }

    @Test
    void unknownSessionIsNotFound() {
        assertOneErrorLine(cli.run("--provider", "anchor", "recordings", "sess_9999"), 3, "sess_9999");
    }

    @Test
    void wrongKeyIsUnauthorizedAndTheKeyIsNeverPrinted() {
        String wrongKey = "sk-wrong-key-0123456789";
        CliHarness.Result result = CliHarness.empty().with("ANCHOR_API_KEY", wrongKey)
                .run("--provider", "anchor", "--base-url", sandbox.clientSettings("anchor").baseUrl().toString(), "sessions");

        assertOneErrorLine(result, 4, "anchor");
        assertThat(result.err() + result.out()).doesNotContain(wrongKey);
    }

    @Test
    void stillActiveNotteReplayIsNotReady() {
        assertOneErrorLine(cli.run("--provider", "notte", "recordings", "nsess_0001"), 5, "active");
    }

    @Test
    void persistentServerErrorsAfterRetriesAreAProviderFailure() {
        sandbox.faults().failNext(Origin.API, 10, 500);

        assertOneErrorLine(cli.run("--provider", "anchor", "sessions", "--limit", "1"), 6, "500");
    }

    @Test
    void pauseOnNotteIsUnsupported() {
        assertOneErrorLine(cli.run("--provider", "notte", "pause", "nsess_0001"), 7, "notte");
    }

    @Test
    void sessionsOnKatavenIsUnsupported() {
        assertOneErrorLine(cli.run("--provider", "kataven", "sessions"), 7, "kataven");
    }

    @Test
    void verbosePrintsTheStackTraceToo() {
        CliHarness.Result result = cli.run("--verbose", "--provider", "notte", "pause", "nsess_0001");

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.errLines().size()).isGreaterThan(1);
        assertThat(result.err()).contains("at dev.tapedeck.cli.");
    }

    static void assertOneErrorLine(CliHarness.Result result, int exitCode, String mentions) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.errLines()).as(result.toString()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("tapedeck: ").contains(mentions)
                .doesNotContain("Exception").doesNotContain("signature=");
        assertThat(result.out()).as("nothing on stdout").isEmpty();
    }
}
