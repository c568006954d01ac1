package dev.tapedeck.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tapedeck.cli.SeedDocumentsTest.assertEveryMemberArrives;
import static dev.tapedeck.cli.SeedDocumentsTest.printed;
import static dev.tapedeck.cli.SeedDocumentsTest.tree;
import static dev.tapedeck.cli.SeedDocumentsTest.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.cli.SeedDocumentsTest.Home;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.spi.ProviderConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browserbase's documented example answers (providers-research §1.6, built from {@code @browserbasehq/sdk} 2.21
 * types), with fields no document knows spliced in: every member reaches the model and {@code --json} unchanged.
 */
class BrowserbaseDocumentsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY = "bb_docs_0123456789abcdef";
    private static final String ID = "fef4db93-9995-4147-be1c-27ebb0228ea6";

    private static Connection browserbase() {
        return Tapedeck.connect("browserbase", ProviderConfig.builder().environment(name -> Optional.empty())
                .apiKey(KEY).baseUrl(URI.create(api.baseUrl())).build()).get();
    }

    private static CliHarness.Result cli(String... args) {
        return CliHarness.empty().with("BROWSERBASE_API_KEY", KEY).with("BROWSERBASE_BASE_URL", api.baseUrl())
                .run(args);
    }

    /** A time as the output prints it: an ISO-8601 instant, without a zero fraction. */
    private static String instant(JsonNode item, String field) {
        return Instant.parse(item.get(field).asText()).toString();
    }

    private static void sessionsAnswer(String status, String body) {
        api.stubFor(get(urlPathEqualTo("/v1/sessions")).withQueryParam("status", equalTo(status)).atPriority(1)
                .willReturn(okJson(body)));
    }

    @Test
    void theSessionListExampleEveryFieldOfBothSessions() {
        String completed = withUnknownFields("{\"id\":\"" + ID + "\",\"createdAt\":\"2026-11-20T10:01:02.345Z\","
                + "\"updatedAt\":\"2026-11-20T10:07:41.002Z\",\"projectId\":\"7c1d1b6e-2a4f-4f0e-9a53-3b1f1b2c9d10\","
                + "\"startedAt\":\"2026-11-20T10:01:03.120Z\",\"endedAt\":\"2026-11-20T10:07:40.880Z\",\"expiresAt\":"
                + "\"2026-11-20T11:01:03.120Z\",\"status\":\"COMPLETED\",\"proxyBytes\":0,\"keepAlive\":false,"
                + "\"region\":\"us-west-2\",\"contextId\":\"c0a3f2d9-5b7e-4e21-8f6a-1d2e3f4a5b6c\",\"userMetadata\":"
                + "{\"run\":{\"id\":\"run-abc-123\"},\"env\":\"staging\"}}");
        String timedOut = "{\"id\":\"0b9e5a77-1c2d-4e3f-8a9b-0c1d2e3f4a5b\",\"createdAt\":\"2026-11-20T09:00:00.000Z\","
                + "\"updatedAt\":\"2026-11-20T09:05:00.500Z\",\"projectId\":\"7c1d1b6e-2a4f-4f0e-9a53-3b1f1b2c9d10\","
                + "\"startedAt\":\"2026-11-20T09:00:01.000Z\",\"endedAt\":\"2026-11-20T09:05:00.400Z\",\"expiresAt\":"
                + "\"2026-11-20T09:05:01.000Z\",\"status\":\"TIMED_OUT\",\"proxyBytes\":1048576,\"keepAlive\":true,"
                + "\"region\":\"eu-central-1\",\"avgCpuUsage\":12,\"memoryUsage\":512}";
        api.stubFor(get(urlPathEqualTo("/v1/sessions")).atPriority(5).willReturn(okJson("[]")));
        sessionsAnswer("COMPLETED", "[" + completed + "]");
        sessionsAnswer("TIMED_OUT", "[" + timedOut + "]");

        List<Session> model;
        try (Connection connection = browserbase()) {
            model = connection.history().sessions(SessionQuery.all()).get().toList();
        }
        List<JsonNode> lines = printed(cli("--provider", "browserbase", "--json", "--reveal-urls", "sessions"));

        assertThat(model).hasSize(2);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("duration").asText()).isEqualTo("PT6M37.76S");
        assertThat(lines.get(1).get("status").asText()).isEqualTo("timed_out");
        List<String> sent = List.of(completed, timedOut);
        for (int i = 0; i < 2; i++) {
            JsonNode item = tree(sent.get(i));
            assertEveryMemberArrives(item, model.get(i).providerData(), lines.get(i), Map.of(
                    "id", Home.at("/id", "\"" + item.get("id").asText() + "\""),
                    "status", Home.at("/providerStatus", "\"" + item.get("status").asText() + "\""),
                    "createdAt", Home.at("/createdAt", "\"" + instant(item, "createdAt") + "\""),
                    "endedAt", Home.at("/endedAt", "\"" + instant(item, "endedAt") + "\"")));
            assertThat(model.get(i).unreadFields()).isEmpty();
        }
    }

    @Test
    void theReplayExampleATabPerPageWithEveryPageField() {
        String page0 = withUnknownFields("{\"pageId\":\"0\",\"url\":\"https://api.browserbase.com/v1/sessions/" + ID
                + "/replays/0\",\"startTimeMs\":1795687263120,\"endTimeMs\":1795687660880}");
        String page1 = "{\"pageId\":\"1\",\"url\":\"https://api.browserbase.com/v1/sessions/" + ID + "/replays/1\","
                + "\"startTimeMs\":1795687300000,\"endTimeMs\":1795687500000}";
        String playlist = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:6\n#EXT-X-PLAYLIST-TYPE:VOD\n"
                + "#EXT-X-MAP:URI=\"https://cdn.example-bb.net/r/fef4/0/init.mp4?Expires=1795709263&Signature=abc\"\n"
                + "#EXTINF:6.000,\nhttps://cdn.example-bb.net/r/fef4/0/seg00000.m4s?Expires=1795709263&Signature=def\n"
                + "#EXT-X-ENDLIST\n";
        api.stubFor(get(urlPathEqualTo("/v1/sessions/" + ID + "/replays")).willReturn(okJson("{\"pageCount\":2,"
                + "\"pages\":[" + page0 + "," + page1 + "]}")));
        for (String page : List.of("0", "1")) {
            api.stubFor(get(urlPathEqualTo("/v1/sessions/" + ID + "/replays/" + page)).willReturn(aResponse()
                    .withHeader("Content-Type", "application/vnd.apple.mpegurl").withBody(playlist)));
        }

        List<Recording> model;
        try (Connection connection = browserbase()) {
            model = connection.recordings().recordings(SessionId.of(ID)).get();
        }
        List<JsonNode> lines = printed(cli("--provider", "browserbase", "--json", "--reveal-urls", "recordings", ID));

        assertThat(lines).hasSize(2);
        List<String> pages = List.of(page0, page1);
        for (int i = 0; i < 2; i++) {
            JsonNode line = lines.get(i);
            assertThat(line.get("id").asText()).isEqualTo("page-" + i);
            assertThat(line.get("format").asText()).isEqualTo("hls");
            assertThat(line.at("/alternatives/0/playlist").asText()).isEqualTo(playlist);
            assertThat(line.get("expiresAt").isTextual()).isTrue();
            Map<String, JsonValue> data = new LinkedHashMap<>(model.get(i).providerData().members());
            assertThat(data.remove("pageCount")).isEqualTo(JsonValue.number(2));
            assertThat(((ObjectNode) line.get("providerData")).remove("pageCount").asInt()).isEqualTo(2);
            assertEveryMemberArrives(tree(pages.get(i)), new JsonValue.ObjectValue(data), line, Map.of());
        }
        assertThat(lines.get(0).get("duration").asText()).isEqualTo("PT6M37.76S");
        assertThat(lines.get(0).get("createdAt").asText()).isEqualTo(Instant.ofEpochMilli(1795687263120L).toString());
    }

    @Test
    void anOlderSessionsDeprecatedRrwebEventsDownloadAsSent(@TempDir Path folder) throws IOException {
        String events = "[{\"sessionId\":\"" + ID + "\",\"type\":4,\"timestamp\":1795687263200,\"data\":{\"href\":"
                + "\"https://news.ycombinator.com/\",\"width\":1280,\"height\":720}},{\"sessionId\":\"" + ID
                + "\",\"type\":2,\"timestamp\":1795687263250,\"data\":{\"node\":{\"type\":0,\"childNodes\":[],"
                + "\"id\":1},\"initialOffset\":{\"left\":0,\"top\":0}}},{\"sessionId\":\"" + ID + "\",\"type\":3,"
                + "\"timestamp\":1795687264000,\"data\":{\"source\":2,\"type\":2,\"id\":42,\"x\":100,\"y\":200}}]";
        api.stubFor(get(urlPathEqualTo("/v1/sessions/" + ID + "/replays")).willReturn(okJson(
                "{\"pageCount\":0,\"pages\":[]}")));
        api.stubFor(get(urlPathEqualTo("/v1/sessions/" + ID)).willReturn(okJson("{\"id\":\"" + ID + "\","
                + "\"status\":\"COMPLETED\"}")));
        api.stubFor(get(urlPathEqualTo("/v1/sessions/" + ID + "/recording")).willReturn(okJson(events)));

        CliHarness.Result listed = cli("--provider", "browserbase", "--json", "recordings", ID);
        CliHarness.Result saved = cli("--provider", "browserbase", "download", ID, "--out", folder.toString());

        assertThat(printed(listed)).singleElement().satisfies(line -> {
            assertThat(line.get("id").asText()).isEqualTo("rrweb");
            assertThat(line.get("format").asText()).isEqualTo("events");
        });
        assertThat(saved.exitCode()).as(saved.toString()).isZero();
        assertThat(Files.readString(folder.resolve("browserbase").resolve(ID).resolve("rrweb.json"))).isEqualTo(events);
    }
}
