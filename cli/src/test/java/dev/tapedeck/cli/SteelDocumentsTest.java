package dev.tapedeck.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.Connection;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.cli.SeedDocumentsTest.Home;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.spi.ProviderConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steel's documented example answers (providers-research §2.6, built from {@code steel-sdk} 0.18 types), with fields
 * no document knows spliced in: every member reaches the model and {@code --json} unchanged, the playlist arrives
 * whole, and the events of both pages download as one array.
 */
class SteelDocumentsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY = "ste_docs_0123456789abcdef";
    private static final String ID = "e4d682bb-a7f2-432c-ad13-8b116695d59e";
    private static final String EMPTY = "{\"sessions\":[],\"nextCursor\":null}";

    private static CliHarness.Result cli(String... args) {
        return CliHarness.empty().with("STEEL_API_KEY", KEY).with("STEEL_BASE_URL", api.baseUrl()).run(args);
    }

    @Test
    void theSessionListExampleEveryFieldOfBothSessionsAcrossTheCursor() {
        String first = withUnknownFields("{\"id\":\"" + ID + "\",\"createdAt\":\"2026-11-19T14:02:11.000Z\","
                + "\"creditsUsed\":3,\"debugUrl\":\"https://api.steel.dev/v1/sessions/" + ID + "/player\",\"dimensions\":"
                + "{\"width\":1280,\"height\":768},\"duration\":184000,\"eventCount\":412,\"optimizeBandwidth\":{},"
                + "\"proxyBytesUsed\":0,\"proxySource\":null,\"sessionViewerUrl\":\"https://app.steel.dev/sessions/" + ID
                + "\",\"status\":\"released\",\"timeout\":300000,\"websocketUrl\":\"wss://connect.steel.dev?sessionId="
                + ID + "\",\"headless\":false,\"isSelenium\":false,\"region\":\"iad\",\"solveCaptcha\":false,"
                + "\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"
                + ".0.0 Safari/537.36\"}");
        String second = "{\"id\":\"5f0c2a1e-3b4d-4c5e-9f60-718293a4b5c6\",\"createdAt\":\"2026-11-19T13:40:00.000Z\","
                + "\"creditsUsed\":1,\"debugUrl\":\"https://api.steel.dev/v1/sessions/5f0c2a1e-3b4d-4c5e-9f60-71829"
                + "3a4b5c6/player\",\"dimensions\":{\"width\":1920,\"height\":1080},\"duration\":61000,\"eventCount\":0,"
                + "\"optimizeBandwidth\":{\"blockImages\":true},\"proxyBytesUsed\":20480,\"proxySource\":\"steel\","
                + "\"sessionViewerUrl\":\"https://app.steel.dev/sessions/5f0c2a1e-3b4d-4c5e-9f60-718293a4b5c6\","
                + "\"status\":\"released\",\"timeout\":600000,\"websocketUrl\":\"wss://connect.steel.dev?sessionId="
                + "5f0c2a1e-3b4d-4c5e-9f60-718293a4b5c6\",\"headless\":false}";
        api.stubFor(get(urlPathEqualTo("/v1/sessions")).atPriority(5).willReturn(okJson(EMPTY)));
        api.stubFor(get(urlPathEqualTo("/v1/sessions")).withQueryParam("status", equalTo("released"))
                .withQueryParam("cursorId", absent()).atPriority(1).willReturn(okJson("{\"sessions\":[" + first + ","
                        + second + "],\"nextCursor\":\"5f0c2a1e-3b4d-4c5e-9f60-718293a4b5c6\",\"totalCount\":37}")));

        List<Session> model;
        try (Connection steel = Tapedeck.connect("steel", ProviderConfig.builder().environment(name -> Optional.empty())
                .apiKey(KEY).baseUrl(URI.create(api.baseUrl())).build()).get()) {
            model = steel.history().sessions(SessionQuery.all()).get().toList();
        }
        List<JsonNode> lines = printed(cli("--provider", "steel", "--json", "--reveal-urls", "sessions"));

        assertThat(model).hasSize(2);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("endedAt").asText()).as("derived: created plus duration")
                .isEqualTo("2026-11-19T14:05:15Z");
        List<String> sent = List.of(first, second);
        for (int i = 0; i < 2; i++) {
            JsonNode item = tree(sent.get(i));
            assertEveryMemberArrives(item, model.get(i).providerData(), lines.get(i), Map.of(
                    "id", Home.at("/id", "\"" + item.get("id").asText() + "\""),
                    "status", Home.at("/providerStatus", "\"released\""),
                    "createdAt", Home.at("/createdAt", "\"" + item.get("createdAt").asText().replace(".000", "")
                            + "\""),
                    "duration", Home.at("/duration", i == 0 ? "\"PT3M4S\"" : "\"PT1M1S\""),
                    "creditsUsed", Home.at("/credits", item.get("creditsUsed").toString())));
            assertThat(model.get(i).unreadFields()).isEmpty();
        }
    }

    @Test
    void theHlsExamplePlaylistArrivesWholeWithItsBase() {
        String playlist = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:4.000,\n"
                + "segment_00000.ts\n#EXTINF:4.000,\nsegment_00001.ts\n#EXTINF:1.520,\nsegment_00002.ts\n#EXT-X-ENDLIST\n";
        api.stubFor(get(urlPathEqualTo("/v1/sessions/" + ID)).willReturn(okJson("{\"id\":\"" + ID + "\",\"status\":"
                + "\"released\",\"headless\":false,\"eventCount\":0}")));
        api.stubFor(get(urlPathEqualTo("/v1/sessions/" + ID + "/hls")).willReturn(aResponse()
                .withHeader("Content-Type", "application/vnd.apple.mpegurl").withBody(playlist)));

        List<JsonNode> lines = printed(cli("--provider", "steel", "--json", "--reveal-urls", "recordings", ID));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.get("id").asText()).isEqualTo("hls");
            assertThat(line.get("primary").asBoolean()).isTrue();
            assertThat(line.at("/alternatives/0/playlist").asText()).isEqualTo(playlist);
            assertThat(line.at("/alternatives/0/base").asText()).isEqualTo(api.baseUrl() + "/v1/sessions/" + ID
                    + "/hls");
        });
    }

    @Test
    void theEventsExampleAndTheNextPageDownloadAsOneArray(@TempDir Path folder) throws IOException {
        String page1 = "[{\"type\":4,\"timestamp\":1795615331000,\"data\":{\"href\":\"https://example.com/\",\"width\""
                + ":1280,\"height\":768}},{\"type\":2,\"timestamp\":1795615331050,\"data\":{\"node\":{\"type\":0,"
                + "\"childNodes\":[],\"id\":1},\"initialOffset\":{\"left\":0,\"top\":0}}},{\"type\":3,\"timestamp\":"
                + "1795615332000,\"data\":{\"source\":1,\"positions\":[{\"x\":10,\"y\":20,\"id\":5,\"timeOffset\":0}]}}]";
        String page2 = "[{\"type\":3,\"timestamp\":1795615333000,\"data\":{\"source\":2,\"type\":2,\"id\":5}}]";
        api.stubFor(get(urlPathEqualTo("/v1/sessions/" + ID)).willReturn(okJson("{\"id\":\"" + ID + "\",\"status\":"
                + "\"released\",\"headless\":true,\"eventCount\":4}")));
        api.stubFor(get(urlPathEqualTo("/v1/sessions/" + ID + "/events")).withQueryParam("pointer", absent())
                .willReturn(okJson(page1).withHeader("Next-Cursor", "eyJvZmZzZXQiOjN9")));
        api.stubFor(get(urlPathEqualTo("/v1/sessions/" + ID + "/events"))
                .withQueryParam("pointer", equalTo("eyJvZmZzZXQiOjN9")).willReturn(okJson(page2)));

        CliHarness.Result saved = cli("--provider", "steel", "download", ID, "--out", folder.toString());

        assertThat(saved.exitCode()).as(saved.toString()).isZero();
        String joined = Files.readString(folder.resolve("steel").resolve(ID).resolve("rrweb.json"));
        assertThat(joined).isEqualTo(page1.substring(0, page1.length() - 1) + "," + page2.substring(1));
        assertThat(tree(joined)).hasSize(4);
    }
}
