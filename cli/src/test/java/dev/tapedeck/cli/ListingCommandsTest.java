package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.sandbox.anchor.AnchorApi;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.notte.NotteApi;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * providers, sessions, recordings, pause and resume against a sandbox, in table and JSON Lines mode: every field,
 * {@code --fields} for both, tables that fit the terminal and JSON that is never cut.
 */
class ListingCommandsTest {

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
    void providersTableListsEveryProviderWithAlignedColumns() {
        CliHarness.Result result = CliHarness.empty().run("providers");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines().get(0)).startsWith("ID ").contains("NAME").contains("CAPABILITIES");
        assertThat(result.out()).contains("anchor").contains("notte").contains("kataven");
        int nameColumn = result.lines().get(0).indexOf("NAME");
        assertThat(result.lines().subList(1, result.lines().size()))
                .allSatisfy(line -> assertThat(line.charAt(nameColumn - 1)).isEqualTo(' '));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void providersJsonHasIdNameAndLowerCaseCapabilities() {
        List<JsonNode> lines = CliHarness.empty().run("--json", "providers").json();

        assertThat(lines).extracting(n -> n.get("id").asText()).contains("anchor", "notte", "kataven");
        JsonNode anchor = lines.stream().filter(n -> n.get("id").asText().equals("anchor")).findFirst().orElseThrow();
        assertThat(anchor.get("displayName").asText()).isNotBlank();
        assertThat(anchor.get("capabilities")).extracting(JsonNode::asText).contains("pause_resume",
                "session_history", "list_recordings");
        JsonNode kataven = lines.stream().filter(n -> n.get("id").asText().equals("kataven")).findFirst().orElseThrow();
        assertThat(kataven.get("capabilities")).extracting(JsonNode::asText).doesNotContain("session_history");
    }

    @Test
    void sessionsJsonCarriesEveryContractFieldWithNullsForAbsentValues() {
        CliHarness.Result result = cli.run("--provider", "anchor", "--json", "sessions", "--limit", "12");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<JsonNode> sessions = result.json();
        assertThat(sessions).hasSize(12);
        for (JsonNode s : sessions) {
            assertThat(fieldNames(s)).containsExactly("provider", "id", "status", "providerStatus", "createdAt",
                    "endedAt", "duration", "tags", "domains", "recording", "credits", "steps", "providerData",
                    "unreadFields", "historyTotal");
            assertThat(s.get("providerData").isObject()).isTrue();
            assertThat(s.get("historyTotal").isNumber()).isTrue();
            assertThat(s.get("provider").asText()).isEqualTo("anchor");
            assertThat(s.get("status").asText()).isIn("active", "completed", "failed", "timed_out", "unknown");
            assertThat(s.get("tags").isArray()).isTrue();
            assertThat(s.get("credits").isNumber() || s.get("credits").isNull()).isTrue();
            if (!s.get("createdAt").isNull()) {
                assertThat(Instant.parse(s.get("createdAt").asText())).isNotNull();
                assertThat(s.get("createdAt").asText()).endsWith("Z");
            }
        }
        assertThat(sessions).anySatisfy(s -> assertThat(s.get("status").asText()).isEqualTo("active"));
        assertThat(sessions).anySatisfy(s -> assertThat(s.get("credits").isNull()).isTrue());
        assertThat(sessions).anySatisfy(s -> assertThat(s.get("duration").asText()).startsWith("PT"));
    }

    @Test
    void sessionsWithoutProviderListEveryProviderWithHistoryAndNotesTheOthers() {
        CliHarness.Result result = cli.run("--json", "sessions");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).extracting(n -> n.get("provider").asText())
                .contains("anchor", "notte", "browserbase", "steel", "hyperbrowser", "kernel");
        assertThat(result.err()).contains("skipping kataven").doesNotContain("Exception");
    }

    @Test
    void sessionsWithSeveralProvidersCountTheLimitInAll() {
        CliHarness.Result result = cli.run("--provider", "notte,anchor", "--json", "sessions", "--limit", "40",
                "--status", "completed");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).hasSize(40);
    }

    @Test
    void sessionsFiltersByStatusAndDateRange() {
        CliHarness.Result result = cli.run("--provider", "anchor", "--json", "sessions", "--status", "failed",
                "--since", "2026-01-05", "--until", "2026-01-10");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<JsonNode> sessions = result.json();
        assertThat(sessions).isNotEmpty().allSatisfy(s -> {
            assertThat(s.get("status").asText()).isEqualTo("failed");
            Instant created = Instant.parse(s.get("createdAt").asText());
            assertThat(created).isBetween(Instant.parse("2026-01-05T00:00:00Z"),
                    Instant.parse("2026-01-10T23:59:59.999999999Z"));
        });
    }

    @Test
    void sessionsTableHasHeaderAndOneRowPerSession() {
        CliHarness.Result result = cli.run("--provider", "anchor", "sessions", "--limit", "3");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).hasSize(4);
        assertThat(result.lines().get(0)).startsWith("PROVIDER  ID").contains("STATUS").contains("CREATED");
        assertThat(result.lines().get(1)).startsWith("anchor    sess_");
    }

    @Test
    void recordingsJsonMasksTheSignature_revealUrlsPrintsItWhole_andTheTableDropsTheQuery() {
        CliHarness.Result json = cli.run("--provider", "notte", "--json", "recordings", "nsess_0008");
        CliHarness.Result revealed = cli.run("--provider", "notte", "--json", "--reveal-urls", "recordings",
                "nsess_0008");
        CliHarness.Result table = cli.run("--provider", "notte", "recordings", "nsess_0008");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        List<JsonNode> recordings = json.json();
        assertThat(recordings).isNotEmpty();
        for (JsonNode r : recordings) {
            assertThat(fieldNames(r)).containsExactly("provider", "sessionId", "id", "primary", "format", "url",
                    "expiresAt", "sizeBytes", "duration", "rawDuration", "startOffset", "createdAt", "fileName",
                    "alternatives", "providerData", "unreadFields");
            assertThat(r.get("sessionId").asText()).isEqualTo("nsess_0008");
            assertThat(r.get("format").asText()).isIn("mp4", "hls", "audio", "webm", "other");
        }
        assertThat(recordings).anySatisfy(r -> assertThat(r.get("url").asText())
                .contains("?expires=").contains("signature=REDACTED"));
        assertThat(json.out()).doesNotContainPattern("signature=[0-9a-f]{16}");
        assertThat(revealed.exitCode()).as(revealed.toString()).isZero();
        assertThat(revealed.json()).anySatisfy(r -> assertThat(r.get("url").asText())
                .containsPattern("signature=[0-9a-f]{16}"));
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).contains("nsess_0008").doesNotContain("signature=");
    }

    @Test
    void recordingsOfAnAnchorSessionListThePrimaryFirst() {
        CliHarness.Result result = cli.run("--provider", "anchor", "--json", "recordings", "sess_0002");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).hasSize(3);
        assertThat(result.json().get(0).get("primary").asBoolean()).isTrue();
    }

    @Test
    void recordingsWithSeveralProvidersReportsTheOneThatHasTheSession() {
        CliHarness.Result result = cli.run("--provider", "anchor,kataven", "--json", "recordings", "call_0001");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).extracting(n -> n.get("provider").asText()).containsOnly("kataven");
        assertThat(result.err()).as("anchor's not found only means the session lives elsewhere").isEmpty();
    }

    @Test
    void pauseAndResumePrintTheRecordingState() {
        CliHarness.Result paused = cli.run("--provider", "anchor", "--json", "pause", "sess_0010");
        boolean pausedInSandbox = sandbox.emulation("anchor", AnchorApi.class).isPaused("sess_0010");
        CliHarness.Result resumed = cli.run("--provider", "anchor", "resume", "sess_0010");

        assertThat(paused.exitCode()).as(paused.toString()).isZero();
        JsonNode state = paused.json().get(0);
        assertThat(fieldNames(state)).containsExactly("provider", "sessionId", "paused", "providerStatus",
                "providerData");
        assertThat(state.get("paused").asBoolean()).isTrue();
        assertThat(state.get("sessionId").asText()).isEqualTo("sess_0010");
        assertThat(pausedInSandbox).isTrue();
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.lines().get(0)).startsWith("PROVIDER").contains("PAUSED");
        assertThat(resumed.lines().get(1)).contains("sess_0010").contains("no");
        assertThat(sandbox.emulation("anchor", AnchorApi.class).isPaused("sess_0010")).isFalse();
    }

    @Test
    void optionsAreAcceptedAfterTheCommandToo() {
        CliHarness.Result result = cli.run("sessions", "--provider", "anchor", "--json", "--limit", "1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).hasSize(1);
    }

    @Test
    void sandboxFlagNeedsNoKeys() {
        CliHarness.Result result = CliHarness.empty().run("--sandbox", "--provider", "kataven", "--json",
                "recordings", "call_0001");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).singleElement().satisfies(r -> {
            assertThat(r.get("provider").asText()).isEqualTo("kataven");
            assertThat(r.get("format").asText()).isEqualTo("audio");
        });
    }

    @Test
    void sandboxCommandPrintsSettingsAndStopsWhenInputEnds() {
        CliHarness.Result result = CliHarness.empty().run("sandbox");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("export ANCHOR_BASE_URL=http://127.0.0.1:")
                .contains("export KATAVEN_ACCOUNT_ID=");
    }

    @Test
    void sandboxCommandInJsonModePrintsOneObjectPerProviderAndTheMediaHost() {
        CliHarness.Result result = CliHarness.empty().run("--json", "sandbox");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<JsonNode> lines = result.json();
        List<JsonNode> providers = lines.subList(0, lines.size() - 1);
        assertThat(providers).extracting(n -> n.get("provider").asText())
                .contains("anchor", "kataven", "notte").isSorted();
        assertThat(providers).allSatisfy(n -> {
            assertThat(n.get("baseUrl").asText()).startsWith("http://127.0.0.1:");
            assertThat(n.get("apiKey").asText()).isNotBlank();
        });
        assertThat(providers).filteredOn(n -> n.get("provider").asText().equals("kataven")).singleElement()
                .satisfies(n -> assertThat(n.get("accountId").asText()).isNotBlank());
        assertThat(lines.get(lines.size() - 1).get("media").asText()).startsWith("http://127.0.0.1:");
    }

    @Test
    void sandboxCommandOnAPortInUseIsAUsageErrorOnOneLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            ExitCodesTest.assertOneErrorLine(CliHarness.empty().run("sandbox", "--port",
                    String.valueOf(taken.getLocalPort())), 2, "choose another --port");
        }
    }

    @Test
    void sandboxCommandOnAnotherAddressWarnsOnceThatItIsForTestsAndNamesThatAddress() {
        CliHarness.Result result = CliHarness.empty().run("sandbox", "--host", "0.0.0.0");
        CliHarness.Result named = CliHarness.empty().run("sandbox", "--host", "0.0.0.0", "--public-host",
                "sandbox.test");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        // every interface cannot be connected to; the URLs name loopback, or the name given
        assertThat(result.out()).contains("export ANCHOR_BASE_URL=http://127.0.0.1:");
        assertThat(named.out()).contains("export ANCHOR_BASE_URL=http://sandbox.test:", "# media host: http://sandbox.test:");
        assertThat(result.err().lines().filter(line -> line.contains("warning"))).singleElement().asString()
                .contains("listens on 0.0.0.0", "for tests only", "no auth");
        assertThat(CliHarness.empty().run("sandbox").err()).doesNotContain("warning");
    }

    @Test
    void sandboxCommandOnAnAddressOfAnotherMachineIsAUsageErrorOnOneLine() {
        // 192.0.2.1 is reserved for documentation: never an address of this machine, and no traffic is sent to it
        ExitCodesTest.assertOneErrorLine(CliHarness.empty().run("sandbox", "--host", "192.0.2.1"), 2,
                "an address of this machine for --host");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void fieldsPicksTheSameFieldsInTheirOrderForJsonAndTables() {
        CliHarness cli = CliHarness.pointingAt(sandbox);

        CliHarness.Result json = cli.run("--provider", "anchor", "--json", "--fields", "status,id,historyTotal",
                "sessions", "--limit", "2");
        CliHarness.Result table = cli.run("--provider", "anchor", "--fields", "status,id,historyTotal", "sessions",
                "--limit", "2");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.json()).hasSize(2).allSatisfy(line -> {
            assertThat(fieldNames(line)).containsExactly("status", "id", "historyTotal");
            assertThat(line.get("historyTotal").asLong()).isPositive();
        });
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.lines()).hasSize(3);
        assertThat(table.lines().get(0).split(" {2,}")).containsExactly("STATUS", "ID", "HISTORY TOTAL");
        assertThat(table.lines().get(1).split(" {2,}")[1]).isEqualTo(json.json().get(0).get("id").asText());
    }

    @Test
    void anUnknownFieldIsAUsageErrorListingTheKnownOnesBeforeAnyRequest() {
        long before = sandbox.counters().requests("anchor");

        CliHarness.Result result = CliHarness.pointingAt(sandbox).run("--provider", "anchor", "--json", "sessions",
                "--fields", "id,colour");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("tapedeck: unknown field colour for sessions; known fields: provider, id, status,")
                .contains("providerData", "unreadFields", "historyTotal"));
        assertThat(sandbox.counters().requests("anchor")).isEqualTo(before);
        assertThat(CliHarness.empty().run("--fields", "id", "sandbox", "--port", "0").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(CliHarness.empty().run("--fields", "capabilities,colour", "providers").err())
                .contains("unknown field colour for providers; known fields: id, displayName, capabilities");
    }

    @Test
    void tablesFitTheWidthCuttingCellsWithAnEllipsisAndJsonIsNeverCut() {
        CliHarness narrow = CliHarness.pointingAt(sandbox).with("COLUMNS", "60");

        CliHarness.Result table = narrow.run("--provider", "anchor", "sessions", "--limit", "5");
        CliHarness.Result unknownWidth = CliHarness.pointingAt(sandbox).run("--provider", "anchor", "--fields",
                "id,providerData", "sessions", "--limit", "5");
        CliHarness.Result json = narrow.run("--provider", "anchor", "--json", "sessions", "--limit", "5");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.lines()).hasSize(6).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
        assertThat(table.lines().get(0)).startsWith("PROVIDER  ID");
        assertThat(table.out()).contains("…");
        assertThat(table.lines().subList(1, 6)).allSatisfy(line -> assertThat(line).containsPattern(
                "^anchor    sess_\\d{4}  "));
        assertThat(unknownWidth.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120))
                .anySatisfy(line -> assertThat(line).endsWith("…"));
        assertThat(json.lines()).anySatisfy(line -> assertThat(line.length()).isGreaterThan(60));
        assertThat(json.json()).allSatisfy(line -> assertThat(line.get("providerData").isObject()).isTrue());
    }

    @Test
    void recordingsShowEveryWayToFetchThemWithPlaylistUrlsMaskedUnlessRevealed() {
        String session = sandbox.emulation("notte", NotteApi.class).seed().closedWithMp4().id();
        CliHarness cli = CliHarness.pointingAt(sandbox);

        CliHarness.Result json = cli.run("--provider", "notte", "--json", "recordings", session);
        CliHarness.Result revealed = cli.run("--provider", "notte", "--json", "--reveal-urls", "recordings", session);
        CliHarness.Result table = cli.run("--provider", "notte", "recordings", session);

        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode replay = json.json().get(0);
        assertThat(replay.get("startOffset").asText()).isEqualTo("PT1S");
        JsonNode alternatives = replay.get("alternatives");
        assertThat(alternatives).hasSize(2);
        assertThat(alternatives.get(0).get("format").asText()).isEqualTo("mp4");
        assertThat(alternatives.get(0).get("location").asText()).isEqualTo("url");
        assertThat(alternatives.get(0).get("url").asText()).contains("signature=REDACTED");
        assertThat(alternatives.get(1).get("format").asText()).isEqualTo("hls");
        assertThat(alternatives.get(1).get("location").asText()).isEqualTo("inline");
        assertThat(alternatives.get(1).get("playlist").asText()).startsWith("#EXTM3U").contains("signature=REDACTED")
                .doesNotContainPattern("signature=[0-9a-f]{8}");
        assertThat(revealed.json().get(0).at("/alternatives/1/playlist").asText())
                .containsPattern("signature=[0-9a-f]{8}");
        assertThat(table.lines().get(1)).contains(" mp4 or hls ");
    }
}
