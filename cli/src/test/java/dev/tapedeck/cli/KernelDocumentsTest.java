package dev.tapedeck.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.spi.ProviderConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel's example answers, built from the {@code @onkernel/sdk} 0.84.0 types ({@code BrowserListResponse},
 * {@code ReplayListResponse}, {@code ReplayStartResponse}), with fields no document knows spliced in: every member
 * reaches the model and {@code --json} unchanged across the offset headers; a finished replay downloads as the MP4
 * the API serves with the key; pause stops the running replay and resume starts one.
 */
class KernelDocumentsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY = "sk_docs_0123456789abcdef";
    private static final String ID = "htzv5orfit78e1m2biiifpit";
    private static final String ENDED = "q0w9e8r7t6y5u4i3o2p1a0s9";
    private static final String DONE = "rp_7v0d3k2m9q4x8c1b6n5z";
    private static final String RUNNING = "rp_2h8j4k6l0p9o7i5u3y1t";

    private static CliHarness.Result cli(String... args) {
        return CliHarness.empty().with("KERNEL_API_KEY", KEY).with("KERNEL_BASE_URL", api.baseUrl()).run(args);
    }

    private static Connection kernel() {
        return Tapedeck.connect("kernel", ProviderConfig.builder().environment(name -> Optional.empty()).apiKey(KEY)
                .baseUrl(URI.create(api.baseUrl())).build()).get();
    }

    @Test
    void theBrowserListExampleEveryFieldOfBothPagesAcrossTheOffsetHeaders() {
        String running = withUnknownFields("{\"cdp_ws_url\":\"wss://" + ID + ".browsers.onkernel.com/cdp\","
                + "\"created_at\":\"2026-11-19T14:02:11Z\",\"headless\":false,\"session_id\":\"" + ID + "\","
                + "\"stealth\":true,\"timeout_seconds\":60,\"webdriver_ws_url\":\"wss://" + ID + ".browsers.onkernel"
                + ".com/session\",\"base_url\":\"https://" + ID + ".browsers.onkernel.com\",\"browser_live_view_url\":"
                + "\"https://" + ID + ".browsers.onkernel.com/live\",\"chrome_policy\":{\"PasswordManagerEnabled\":"
                + "false},\"gpu\":false,\"kiosk_mode\":false,\"name\":\"checkout-flow\",\"pool\":{\"id\":\"pool_1\","
                + "\"name\":\"warm\"},\"profile\":{\"id\":\"prof_1\",\"created_at\":\"2026-10-01T08:00:00Z\","
                + "\"last_used_at\":\"2026-11-19T14:02:11Z\",\"name\":\"shopper\",\"updated_at\":\"2026-11-19T14:02:"
                + "11Z\"},\"proxy_id\":\"proxy_9\",\"start_url\":\"https://example.com/cart\",\"tags\":{\"team\":"
                + "\"growth\"},\"telemetry\":{\"browser\":{\"network\":{\"enabled\":true}}},\"usage\":{\"uptime_ms\":"
                + "184000},\"viewport\":{\"width\":1920,\"height\":1080,\"refresh_rate\":25}}");
        String deleted = "{\"cdp_ws_url\":\"wss://q0w9e8r7t6y5u4i3o2p1a0s9.browsers.onkernel.com/cdp\",\"created_at\":"
                + "\"2026-11-18T09:00:00Z\",\"headless\":true,\"session_id\":\"q0w9e8r7t6y5u4i3o2p1a0s9\",\"stealth\":"
                + "false,\"timeout_seconds\":300,\"webdriver_ws_url\":\"wss://q0w9e8r7t6y5u4i3o2p1a0s9.browsers."
                + "onkernel.com/session\",\"deleted_at\":\"2026-11-18T09:10:00Z\",\"telemetry\":null,\"usage\":"
                + "{\"uptime_ms\":600000}}";
        api.stubFor(get(urlPathEqualTo("/browsers")).withQueryParam("offset", equalTo("0"))
                .withQueryParam("status", equalTo("all")).willReturn(okJson("[" + running + "]")
                        .withHeader("X-Has-More", "true").withHeader("X-Next-Offset", "1")));
        api.stubFor(get(urlPathEqualTo("/browsers")).withQueryParam("offset", equalTo("1"))
                .withQueryParam("status", equalTo("all")).willReturn(okJson("[" + deleted + "]")
                        .withHeader("X-Has-More", "false").withHeader("X-Next-Offset", "0")));

        List<Session> model;
        try (Connection connection = kernel()) {
            model = connection.history().sessions(SessionQuery.all()).get().toList();
        }
        List<JsonNode> lines = printed(cli("--provider", "kernel", "--json", "--reveal-urls", "sessions"));

        assertThat(model).hasSize(2);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("status").asText()).isEqualTo("active");
        assertThat(lines.get(0).get("duration").asText()).isEqualTo("PT3M4S");
        assertThat(lines.get(1).get("status").asText()).isEqualTo("completed");
        List<String> sent = List.of(running, deleted);
        for (int i = 0; i < 2; i++) {
            JsonNode item = tree(sent.get(i));
            Map<String, Home> homes = new java.util.HashMap<>(Map.of(
                    "session_id", Home.at("/id", "\"" + item.get("session_id").asText() + "\""),
                    "created_at", Home.at("/createdAt", "\"" + item.get("created_at").asText() + "\"")));
            if (i == 1) {
                homes.put("deleted_at", Home.at("/endedAt", "\"2026-11-18T09:10:00Z\""));
            }
            assertEveryMemberArrives(item, model.get(i).providerData(), lines.get(i), homes);
            assertThat(model.get(i).unreadFields()).isEmpty();
        }
    }

    @Test
    void theReplayListExampleEveryFieldAndTheFinishedReplayDownloadsWithTheKey(@TempDir Path folder)
            throws IOException {
        String done = withUnknownFields("{\"replay_id\":\"" + DONE + "\",\"started_at\":\"2026-11-19T14:02:20Z\","
                + "\"finished_at\":\"2026-11-19T14:03:50Z\",\"replay_view_url\":\"https://www.onkernel.com/replays/"
                + DONE + "\"}");
        String running = "{\"replay_id\":\"" + RUNNING + "\",\"started_at\":\"2026-11-19T14:04:00Z\",\"finished_at\":"
                + "null,\"replay_view_url\":\"https://www.onkernel.com/replays/" + RUNNING + "\"}";
        byte[] mp4 = "\0\0\0\u0018ftypisom\0\0\0\0isommp41 a replay".getBytes(StandardCharsets.ISO_8859_1);
        api.stubFor(get(urlPathEqualTo("/browsers/" + ID + "/replays")).willReturn(okJson("[" + done + ","
                + running + "]")));
        api.stubFor(get(urlPathEqualTo("/browsers/" + ENDED + "/replays")).willReturn(okJson("[" + done + "]")));
        api.stubFor(get(urlPathEqualTo("/browsers/" + ENDED + "/replays/" + DONE))
                .withHeader("Authorization", equalTo("Bearer " + KEY)).willReturn(aResponse()
                        .withHeader("Content-Type", "video/mp4").withBody(mp4)));

        List<Recording> model;
        try (Connection connection = kernel()) {
            model = connection.recordings().recordings(SessionId.of(ID)).get();
        }
        List<JsonNode> lines = printed(cli("--provider", "kernel", "--json", "--reveal-urls", "recordings", ID));
        CliHarness.Result saved = cli("--provider", "kernel", "download", ENDED, "--out", folder.toString());

        assertThat(lines).hasSize(2);
        List<String> sent = List.of(done, running);
        for (int i = 0; i < 2; i++) {
            JsonNode item = tree(sent.get(i));
            assertThat(lines.get(i).get("format").asText()).isEqualTo("mp4");
            assertEveryMemberArrives(item, model.get(i).providerData(), lines.get(i), Map.of(
                    "replay_id", Home.at("/id", "\"" + item.get("replay_id").asText() + "\""),
                    "started_at", Home.at("/createdAt", "\"" + item.get("started_at").asText() + "\"")));
        }
        assertThat(lines.get(0).get("duration").asText()).isEqualTo("PT1M30S");
        assertThat(saved.exitCode()).as(saved.toString()).isZero();
        assertThat(Files.readAllBytes(folder.resolve("kernel").resolve(ENDED).resolve(DONE + ".mp4"))).isEqualTo(mp4);
    }

    @Test
    void pauseStopsTheRunningReplayAndResumeStartsOneWithTheStartExample() {
        String running = "{\"replay_id\":\"" + RUNNING + "\",\"started_at\":\"2026-11-19T14:04:00Z\",\"finished_at\":"
                + "null,\"replay_view_url\":\"https://www.onkernel.com/replays/" + RUNNING + "\"}";
        String started = withUnknownFields("{\"replay_id\":\"rp_new0000000000000000001\",\"started_at\":"
                + "\"2026-11-19T14:06:00Z\",\"finished_at\":null,\"replay_view_url\":\"https://www.onkernel.com/"
                + "replays/rp_new0000000000000000001\"}");
        api.stubFor(get(urlPathEqualTo("/browsers/" + ID + "/replays")).willReturn(okJson("[" + running + "]")));
        api.stubFor(post(urlPathEqualTo("/browsers/" + ID + "/replays/" + RUNNING + "/stop"))
                .willReturn(aResponse().withStatus(200)));
        api.stubFor(post(urlPathEqualTo("/browsers/" + ID + "/replays")).willReturn(okJson(started)));

        CliHarness.Result paused = cli("--provider", "kernel", "--json", "pause", ID);
        CliHarness.Result resumed = cli("--provider", "kernel", "--json", "resume", ID);

        assertThat(paused.exitCode()).as(paused.toString()).isZero();
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        api.verify(1, postRequestedFor(urlPathEqualTo("/browsers/" + ID + "/replays/" + RUNNING + "/stop")));
        api.verify(1, postRequestedFor(urlPathEqualTo("/browsers/" + ID + "/replays")));
        assertThat(printed(paused)).singleElement().satisfies(line ->
                assertThat(line.get("paused").asBoolean()).isTrue());
        assertThat(printed(resumed)).singleElement().satisfies(line -> {
            assertThat(line.get("paused").asBoolean()).isFalse();
            assertThat(line.get("providerData")).as("the started replay, every member").isEqualTo(tree(started));
        });
    }
}
