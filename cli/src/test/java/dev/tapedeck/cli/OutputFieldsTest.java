package dev.tapedeck.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.notte.NotteApi;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the command prints through the real command: {@code --fields} for tables and JSON alike, tables that fit the
 * terminal, JSON that is never cut, recordings with every way to fetch them, and one remark for a listing with
 * fields that could not be read.
 */
class OutputFieldsTest {

    @RegisterExtension
    static WireMockExtension anchor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
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
            assertThat(names(line)).containsExactly("status", "id", "historyTotal");
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

    @Test
    void aHistoryWithMistypedFieldsListsEverySessionAndSaysSoOnce() {
        String fine = "{\"id\":\"s-fine\",\"status\":\"completed\",\"used_credits\":1}";
        String odd = "{\"id\":\"s-odd\",\"status\":\"completed\",\"used_credits\":\"12,5\",\"headless\":\"yes\","
                + "\"tags\":\"a,b\"}";
        String running = "{\"id\":\"s-running\",\"status\":\"running\",\"used_credits\":\"N/A\"}";
        anchor.stubFor(get(urlEqualTo("/v1/sessions?page=1&limit=50")).willReturn(okJson("{\"data\":{\"sessions\":["
                + fine + "," + odd + "],\"total\":4,\"page\":1,\"total_pages\":2}}")));
        anchor.stubFor(get(urlEqualTo("/v1/sessions?page=2&limit=50")).willReturn(okJson("{\"data\":{\"sessions\":["
                + odd.replace("s-odd", "s-odd-2") + "," + running + "],\"total\":4,\"page\":2,\"total_pages\":2}}")));
        CliHarness cli = CliHarness.empty().with("ANCHOR_API_KEY", "ak_test_0123456789")
                .with("ANCHOR_BASE_URL", anchor.baseUrl());

        CliHarness.Result json = cli.run("--provider", "anchor", "--json", "sessions");
        CliHarness.Result table = cli.run("--provider", "anchor", "sessions");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.json()).extracting(line -> line.get("id").asText())
                .containsExactly("s-fine", "s-odd", "s-odd-2", "s-running");
        JsonNode oddLine = json.json().get(1);
        assertThat(oddLine.get("unreadFields")).extracting(JsonNode::asText).containsExactly("used_credits", "tags");
        assertThat(oddLine.at("/providerData/used_credits").asText()).isEqualTo("12,5");
        assertThat(oddLine.at("/providerData/headless").asText()).isEqualTo("yes");
        assertThat(oddLine.at("/providerData/tags").asText()).isEqualTo("a,b");
        JsonNode runningLine = json.json().get(3);
        assertThat(runningLine.get("credits").isNull()).isTrue();
        assertThat(runningLine.at("/providerData/used_credits").asText()).isEqualTo("N/A");
        assertThat(runningLine.get("unreadFields")).isEmpty();
        assertThat(json.errLines()).containsExactly("tapedeck: anchor: 2 sessions were listed with fields that could "
                + "not be read (used_credits, tags); their values are kept as sent in providerData, see --json");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.lines()).hasSize(5);
        assertThat(table.errLines()).hasSize(1);
    }
}
