package dev.tapedeck.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Provider text reaches the terminal as visible escapes, never as control sequences: a provider (or whoever can
 * name a session or tag there) must not be able to clear the screen, set the window title or hide text.
 */
class TerminalSafetyTest {

    private static final String KEY = "sk-terminal-0123456789abcdef";
    /** Set the window title, clear the screen, CSI in its one-byte C1 form, and a right-to-left override. */
    private static final String TITLE = "\u001b]0;pwned\u0007";
    private static final String CLEAR = "\u001b[2J";
    private static final String C1_CSI = "\u009b31m";
    private static final String RTL = "\u202egnp.exe";

    @RegisterExtension
    static WireMockExtension anchor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CliHarness cli;

    @BeforeEach
    void hostileProvider() {
        anchor.stubFor(get(urlPathEqualTo("/v1/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"sessions\":[{\"id\":\"sess-1\",\"status\":\"" + json(CLEAR) + "completed\","
                        + "\"tags\":[\"" + json(TITLE) + "\",\"" + json(C1_CSI) + "\",\"" + json(RTL) + "\"]}],"
                        + "\"total\":1,\"page\":1,\"total_pages\":1}}")));
        cli = CliHarness.empty().with("ANCHOR_API_KEY", KEY).with("ANCHOR_BASE_URL", anchor.baseUrl())
                .with("COLUMNS", "400");
    }

    @Test
    void tablesShowControlCharactersAsEscapes() {
        CliHarness.Result result = cli.run("--provider", "anchor", "sessions");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertNoControlCharacters(result.out());
        assertThat(result.out()).contains("\\x1b]0;pwned\\x07", "\\x1b[2Jcompleted", "\\x9b31m", "\\u202egnp.exe");
    }

    @Test
    void jsonEscapesThemToo_andKeepsTheValueExact() {
        CliHarness.Result result = cli.run("--provider", "anchor", "--json", "sessions");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertNoControlCharacters(result.out());
        JsonNode session = result.json().get(0);
        assertThat(session.get("providerStatus").asText()).isEqualTo(CLEAR + "completed");
        assertThat(session.get("tags")).extracting(JsonNode::asText).containsExactly(TITLE, C1_CSI, RTL);
    }

    @Test
    void errorLinesEscapeProviderTextAndMaskAKeyEchoedInAnyCase() {
        anchor.stubFor(get(urlPathEqualTo("/v1/sessions")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":401,\"message\":\"" + json(TITLE) + "key "
                        + KEY.toUpperCase(Locale.ROOT) + " is not valid\"}}")));

        CliHarness.Result result = cli.run("--provider", "anchor", "sessions");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.UNAUTHORIZED);
        assertThat(result.errLines()).hasSize(1);
        assertNoControlCharacters(result.err());
        assertThat(result.err().toLowerCase(Locale.ROOT)).doesNotContain(KEY.toLowerCase(Locale.ROOT));
    }

    @Test
    void aKeyEchoedInsideAnAnswersFieldsIsMaskedInJsonAndInTables() {
        // a provider that echoes the key in a field of its own and in a link, in another case and percent-encoded
        anchor.stubFor(get(urlPathEqualTo("/v1/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"sessions\":[{\"id\":\"sess-1\",\"status\":\"completed\","
                        + "\"debug\":\"key=" + KEY.toUpperCase(Locale.ROOT) + "\","
                        + "\"live_view_url\":\"https://x.example/?k=" + KEY + "&page=2\"}],"
                        + "\"total\":1,\"page\":1,\"total_pages\":1}}")));

        CliHarness.Result json = cli.run("--provider", "anchor", "--json", "sessions");
        CliHarness.Result table = cli.run("--provider", "anchor", "sessions", "--fields", "id,providerData");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(table.exitCode()).as(table.toString()).isZero();
        for (String printed : List.of(json.out(), table.out())) {
            assertThat(printed.toLowerCase(Locale.ROOT)).doesNotContain(KEY.toLowerCase(Locale.ROOT))
                    .contains("key=" + EchoedSecrets.MASK);
        }
        assertThat(json.out()).contains("k=" + EchoedSecrets.MASK + "&page=2");
        assertThat(json.json().get(0).get("providerData").get("debug").asText()).isEqualTo("key=" + EchoedSecrets.MASK);
    }

    private static void assertNoControlCharacters(String printed) {
        List<Integer> unsafe = printed.codePoints().filter(c -> c != '\n' && TerminalText.isUnsafe(c)).boxed()
                .toList();
        assertThat(unsafe).as("control characters printed raw").isEmpty();
    }

    /** {@code text} as the inside of a JSON string. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return out.toString();
    }
}
