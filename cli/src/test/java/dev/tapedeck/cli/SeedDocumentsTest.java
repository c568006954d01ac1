package dev.tapedeck.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.http.json.Json;
import dev.tapedeck.http.json.JsonValues;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.RecordingState;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionListing;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.spi.ProviderConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nothing a provider sends is dropped: for each seed document ({@code /work/shared/seeds/000}..{@code 004}), its
 * example answer (or, where it publishes only a schema, an answer with every field of the schema) plus fields the
 * document does not know (nested objects, lists, big and small numbers, booleans, nulls) is served, and every
 * member of every item is followed: it reaches the neutral model (a neutral field, or the provider data as the same
 * typed JSON value) and the command's {@code --json} output unchanged in value. Members with a neutral home are
 * checked against what the neutral field prints; all others are compared as whole subtrees, so every nested field
 * is checked too. A value of the wrong type in one item keeps the item, its raw value, and is said once.
 */
class SeedDocumentsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper JSON = Json.mapper();
    private static final String KEY = "sk_seed_0123456789abcdef";

    /** Fields no document has, of every JSON type, spliced into every item. */
    private static final String UNKNOWN_FIELDS = "\"x_added_later\":{\"nested\":{\"deep\":[1,2.50,{\"flag\":true,"
            + "\"none\":null}]},\"list\":[\"a\",3,false],\"big\":123456789012345678901234567890,\"ratio\":0.125,"
            + "\"tiny\":1E-30},\"x_flag\":false,\"x_count\":7,\"x_amount\":12.50,\"x_text\":\"plain\","
            + "\"x_nothing\":null,\"x_rows\":[{\"a\":1},[2,3],[]]";

    static String withUnknownFields(String object) {
        int end = object.lastIndexOf('}');
        return object.substring(0, end) + "," + UNKNOWN_FIELDS + "}";
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> printed(CliHarness.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.lines().stream().map(SeedDocumentsTest::tree).collect(Collectors.toList());
    }

    private CliHarness cli(String provider) {
        String prefix = provider.toUpperCase(java.util.Locale.ROOT);
        return CliHarness.empty().with(prefix + "_API_KEY", KEY).with(prefix + "_BASE_URL", baseUrl(provider))
                .with("KATAVEN_ACCOUNT_ID", "acct-1");
    }

    private static String baseUrl(String provider) {
        return api.baseUrl() + (provider.equals("kataven") ? "/api/v1" : "");
    }

    private static Connection connect(String provider) {
        return Tapedeck.connect(provider, ProviderConfig.builder().environment(name -> Optional.empty()).apiKey(KEY)
                .baseUrl(URI.create(baseUrl(provider))).setting("account_id", "acct-1").build())
                .getOrElseThrow(error -> new AssertionError(error.message()));
    }

    private static Recording primaryRecording(String provider, String session) {
        try (Connection connection = connect(provider)) {
            return connection.recordings().primaryRecording(SessionId.of(session)).get();
        }
    }

    /** What {@code tapedeck --json --reveal-urls recordings} prints, URLs whole so that values stay as sent. */
    private List<JsonNode> recordingsPrinted(String provider, String session) {
        return printed(cli(provider).run("--provider", provider, "--json", "--reveal-urls", "recordings", session));
    }

    /** Where a member with a neutral home shows in the JSON output, and what it must print there. */
    record Home(String pointer, JsonNode printed) {
        static Home at(String pointer, String printedJson) {
            return new Home(pointer, tree(printedJson));
        }
    }

    /**
     * Asserts that every member of {@code sent} arrives: those in {@code homes} where they say, the rest in the
     * model's {@code data} as the same JsonValue and in the output's {@code providerData} unchanged. Returns how many
     * leaf values that covered.
     */
    static int assertEveryMemberArrives(JsonNode sent, JsonValue.ObjectValue data, JsonNode printed,
            Map<String, Home> homes) {
        int leaves = 0;
        Set<String> kept = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> members = sent.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = member.getKey();
            Home home = homes.get(name);
            if (home != null) {
                assertThat(printed.at(home.pointer())).as("%s printed at %s", name, home.pointer())
                        .isEqualTo(home.printed());
            } else {
                kept.add(name);
                assertThat(data.get(name)).as("model provider data %s", name).contains(JsonValues.of(member.getValue()));
                assertThat(printed.path("providerData").get(name)).as("printed provider data %s", name)
                        .isEqualTo(member.getValue());
            }
            leaves += leaves(member.getValue());
        }
        assertThat(data.members().keySet()).as("provider data holds exactly the members without a neutral home")
                .containsExactlyInAnyOrderElementsOf(kept);
        return leaves;
    }

    private static int leaves(JsonNode node) {
        if (!node.isContainerNode()) {
            return 1;
        }
        int count = 0;
        for (JsonNode child : node) {
            count += leaves(child);
        }
        return count;
    }

    @Test
    void document000RecordingListEveryItemFieldAndTheCount() {
        String item = withUnknownFields("{\"id\":\"rec_1\",\"is_primary\":true,\"file_link\":\"https://media.example"
                + "/rec_1.mp4?X-Amz-Signature=abc\",\"suggested_file_name\":\"rec_1.mp4\",\"duration\":\"00:07:00\","
                + "\"size\":1048576,\"created_at\":\"2026-03-09T12:34:56.789Z\"}");
        String answer = "{\"data\":{\"count\":1,\"items\":[" + item + "]}}";
        api.stubFor(get(urlPathEqualTo("/v1/sessions/sess_1/recordings")).willReturn(okJson(answer)));

        List<Recording> model;
        try (Connection anchor = connect("anchor")) {
            model = anchor.recordings().recordings(SessionId.of("sess_1")).get();
        }
        List<JsonNode> printed = recordingsPrinted("anchor", "sess_1");

        assertThat(model).hasSize(1);
        assertThat(printed).hasSize(1);
        Recording recording = model.get(0);
        Map<String, JsonValue> withoutListing = new LinkedHashMap<>(recording.providerData().members());
        assertThat(withoutListing.remove("listing")).isEqualTo(new JsonValue.ObjectValue(Map.of("count",
                JsonValue.number(1))));
        assertThat(printed.get(0).at("/providerData/listing/count").asLong()).isEqualTo(1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) printed.get(0).get("providerData")).remove("listing");
        int leaves = assertEveryMemberArrives(tree(item), new JsonValue.ObjectValue(withoutListing), printed.get(0),
                Map.of("id", Home.at("/id", "\"rec_1\""), "is_primary", Home.at("/primary", "true"),
                        "file_link", Home.at("/url", "\"https://media.example/rec_1.mp4?X-Amz-Signature=abc\""),
                        "suggested_file_name", Home.at("/fileName", "\"rec_1.mp4\""),
                        "duration", Home.at("/duration", "\"PT7M\""), "size", Home.at("/sizeBytes", "1048576"),
                        "created_at", Home.at("/createdAt", "\"2026-03-09T12:34:56.789Z\"")));
        assertThat(leaves).isGreaterThan(20);
        assertThat(recording.unreadFields()).isEmpty();
    }

    @Test
    void document001PauseAnswerIsKeptWholeBesideItsStatus() {
        String answer = withUnknownFields("{\"data\":" + withUnknownFields("{\"data\":{\"status\":\"paused\"}}")
                + "}");
        api.stubFor(post(urlPathEqualTo("/v1/sessions/sess_1/recordings/pause")).willReturn(okJson(answer)));

        RecordingState state;
        try (Connection anchor = connect("anchor")) {
            state = anchor.recordings().pause(SessionId.of("sess_1")).get();
        }
        List<JsonNode> printed = printed(cli("anchor").run("--provider", "anchor", "--json", "pause", "sess_1"));

        assertThat(state.paused()).isTrue();
        assertThat(state.providerStatus()).isEqualTo("paused");
        assertThat(printed).singleElement().satisfies(line -> {
            assertThat(line.get("providerStatus").asText()).isEqualTo("paused");
            assertThat(line.get("paused").asBoolean()).isTrue();
            assertEveryMemberArrives(tree(answer), state.providerData(), line, Map.of());
        });
    }

    @Test
    void document002HistoryExampleEveryFieldOfEverySessionAndTheTotal() {
        // The filteredSessionsPage example of GET /v1/sessions, as JSON, plus fields the document does not know.
        String example = "{\"id\":\"sess_123456\",\"status\":\"completed\",\"tags\":[\"production\",\"scraping\"],"
                + "\"headless\":false,\"recording\":true,\"used_credits\":12.5,\"proxy_bytes\":102400,"
                + "\"proxy_type\":\"anchor_proxy\",\"steps\":48,\"duration\":420,\"created_at\":"
                + "\"2026-03-09T12:34:56.789Z\",\"user_configuration\":{\"session\":{\"idle_timeout\":300}},"
                + "\"task_initiated\":true,\"task_executions_count\":2,\"api_key_name\":\"automation-key\","
                + "\"browser_ip\":\"192.0.2.10\",\"domains\":[\"example.com\"]}";
        String item = withUnknownFields(example);
        api.stubFor(get(urlPathEqualTo("/v1/sessions")).willReturn(okJson("{\"data\":{\"sessions\":[" + item
                + "],\"total\":145,\"page\":1,\"total_pages\":1}}")));

        List<Session> model;
        Optional<Long> total;
        try (Connection anchor = connect("anchor");
             SessionListing listing = anchor.history().listing(SessionQuery.all()).get()) {
            model = listing.sessions().collect(Collectors.toList());
            total = listing.total();
        }
        List<JsonNode> printed = printed(cli("anchor").run("--provider", "anchor", "--json", "sessions"));

        assertThat(total).contains(145L);
        assertThat(model).hasSize(1);
        assertThat(printed).hasSize(1);
        assertThat(printed.get(0).get("historyTotal").asLong()).isEqualTo(145);
        int leaves = assertEveryMemberArrives(tree(item), model.get(0).providerData(), printed.get(0), Map.of(
                "id", Home.at("/id", "\"sess_123456\""), "status", Home.at("/providerStatus", "\"completed\""),
                "tags", Home.at("/tags", "[\"production\",\"scraping\"]"), "recording", Home.at("/recording", "true"),
                "used_credits", Home.at("/credits", "12.5"), "steps", Home.at("/steps", "48"),
                "duration", Home.at("/duration", "\"PT7M\""),
                "created_at", Home.at("/createdAt", "\"2026-03-09T12:34:56.789Z\""),
                "domains", Home.at("/domains", "[\"example.com\"]")));
        assertThat(leaves).isGreaterThan(30);
        assertThat(printed.get(0).get("status").asText()).isEqualTo("completed");
        assertThat(model.get(0).unreadFields()).isEmpty();
        assertThat(printed.get(0).get("unreadFields")).isEmpty();
    }

    @Test
    void document003ReplayBothWaysToFetchItAndEveryOtherField() {
        String playlist = "#EXTM3U\\n#EXT-X-TARGETDURATION:4\\n#EXTINF:4.0,\\nhttps://cdn.example/seg0.ts?sig=abc"
                + "\\n#EXT-X-ENDLIST\\n";
        String answer = withUnknownFields("{\"playlist_content\":\"" + playlist + "\",\"mp4_url\":"
                + "\"https://cdn.example/replay.mp4?X-Amz-Signature=abc\",\"expires_at\":\"2026-03-09T13:00:00Z\","
                + "\"video_start_ms\":1250,\"video_duration_ms\":41286}");
        api.stubFor(get(urlPathEqualTo("/sessions/n1/replay")).willReturn(okJson(answer)));

        Recording model = primaryRecording("notte", "n1");
        List<JsonNode> printed = recordingsPrinted("notte", "n1");

        assertThat(model.alternatives()).hasSize(2);
        assertThat(printed).singleElement().satisfies(line -> {
            assertThat(line.at("/alternatives/0/url")).isEqualTo(line.get("url"));
            assertThat(line.at("/alternatives/1/expiresAt").asText()).isEqualTo("2026-03-09T13:00:00Z");
            assertEveryMemberArrives(tree(answer), model.providerData(), line, Map.of(
                    "playlist_content", Home.at("/alternatives/1/playlist", "\"" + playlist + "\""),
                    "mp4_url", Home.at("/url", "\"https://cdn.example/replay.mp4?X-Amz-Signature=abc\""),
                    "expires_at", Home.at("/expiresAt", "\"2026-03-09T13:00:00Z\""),
                    "video_start_ms", Home.at("/startOffset", "\"PT1.25S\""),
                    "video_duration_ms", Home.at("/duration", "\"PT41.286S\"")));
        });
    }

    @Test
    void document004KatavenAnswerIsKeptWholeBesideItsUrlAndExpiry() {
        String answer = withUnknownFields("{\"url\":\"https://bucket.s3.example/call.mp3?X-Amz-Signature=abc\","
                + "\"expires_at\":\"2026-03-09T12:05:00Z\"}");
        api.stubFor(get(urlPathEqualTo("/api/v1/sessions/call_1/recording")).willReturn(okJson(answer)));

        Recording model = primaryRecording("kataven", "call_1");
        List<JsonNode> printed = recordingsPrinted("kataven", "call_1");

        assertThat(printed).singleElement().satisfies(line -> {
            assertThat(line.get("url").asText()).isEqualTo("https://bucket.s3.example/call.mp3?X-Amz-Signature=abc");
            assertThat(line.get("expiresAt").asText()).isEqualTo("2026-03-09T12:05:00Z");
            assertEveryMemberArrives(tree(answer), model.providerData(), line, Map.of());
        });
    }

    @Test
    void withoutRevealUrlsTheOutputMasksOnlySignaturesAndCredentialNamedFields() {
        String item = withUnknownFields("{\"id\":\"s1\",\"status\":\"completed\",\"user_configuration\":{\"proxy\":"
                + "{\"password\":\"hunter2\",\"host\":\"proxy.example\"}},\"callback\":\"https://hooks.example/x?"
                + "token=t0k&run=7\"}");
        api.stubFor(get(urlPathEqualTo("/v1/sessions")).willReturn(okJson("{\"data\":{\"sessions\":[" + item
                + "],\"total\":1,\"page\":1,\"total_pages\":1}}")));

        List<JsonNode> masked = printed(cli("anchor").run("--provider", "anchor", "--json", "sessions"));
        List<JsonNode> revealed = printed(cli("anchor").run("--provider", "anchor", "--json", "--reveal-urls",
                "sessions"));

        JsonNode data = masked.get(0).get("providerData");
        assertThat(data.at("/user_configuration/proxy/password").asText()).isEqualTo("REDACTED");
        assertThat(data.at("/user_configuration/proxy/host").asText()).isEqualTo("proxy.example");
        assertThat(data.get("callback").asText()).isEqualTo("https://hooks.example/x?token=REDACTED&run=7");
        assertThat(data.get("x_added_later")).isEqualTo(tree(item).get("x_added_later"));
        assertThat(revealed.get(0).at("/providerData/user_configuration/proxy/password").asText()).isEqualTo("hunter2");
        List<String> all = new ArrayList<>();
        masked.forEach(line -> all.add(line.toString()));
        assertThat(String.join("\n", all)).doesNotContain("hunter2").doesNotContain("t0k");
    }

    @Test
    void aHistoryWithMistypedFieldsListsEverySessionAndSaysSoOnce() {
        String fine = "{\"id\":\"s-fine\",\"status\":\"completed\",\"used_credits\":1}";
        String odd = "{\"id\":\"s-odd\",\"status\":\"completed\",\"used_credits\":\"12,5\",\"headless\":\"yes\","
                + "\"tags\":\"a,b\"}";
        String running = "{\"id\":\"s-running\",\"status\":\"running\",\"used_credits\":\"N/A\"}";
        api.stubFor(get(urlPathEqualTo("/v1/sessions")).withQueryParam("page", equalTo("1")).willReturn(okJson("{\"data\":{\"sessions\":["
                + fine + "," + odd + "],\"total\":4,\"page\":1,\"total_pages\":2}}")));
        api.stubFor(get(urlPathEqualTo("/v1/sessions")).withQueryParam("page", equalTo("2")).willReturn(okJson("{\"data\":{\"sessions\":["
                + odd.replace("s-odd", "s-odd-2") + "," + running + "],\"total\":4,\"page\":2,\"total_pages\":2}}")));
        CliHarness cli = CliHarness.empty().with("ANCHOR_API_KEY", "ak_test_0123456789")
                .with("ANCHOR_BASE_URL", api.baseUrl());

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
