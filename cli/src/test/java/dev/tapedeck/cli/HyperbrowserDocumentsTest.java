package dev.tapedeck.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.Session;
import dev.tapedeck.model.SessionId;
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
 * Hyperbrowser's documented example answers (its API reference and the {@code @hyperbrowser/sdk} 0.92.6 types
 * {@code SessionListResponse}, {@code GetSessionVideoRecordingUrlResponse}, {@code GetSessionRecordingUrlResponse},
 * {@code SessionRecording}), with fields no document knows spliced in: every member reaches the model and
 * {@code --json} unchanged, across pages; the rrweb events download as sent; a session that recorded nothing says
 * how to enable recording.
 */
class HyperbrowserDocumentsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY = "hb_docs_0123456789abcdef";
    private static final String ID = "3b9a7f52-1c4e-4d8a-9f0b-6e2d1a5c7b94";
    private static final String OTHER = "8e1f0c3d-5a6b-4c2d-8e9f-0a1b2c3d4e5f";

    private static Connection hyperbrowser() {
        return Tapedeck.connect("hyperbrowser", ProviderConfig.builder().environment(name -> Optional.empty())
                .apiKey(KEY).baseUrl(URI.create(api.baseUrl())).build()).get();
    }

    private static CliHarness.Result cli(String... args) {
        return CliHarness.empty().with("HYPERBROWSER_API_KEY", KEY).with("HYPERBROWSER_BASE_URL", api.baseUrl())
                .run(args);
    }

    @Test
    void theSessionListExampleEveryFieldOfBothSessionsAcrossPages() {
        String first = withUnknownFields("{\"id\":\"" + ID + "\",\"teamId\":\"4f6c1e2a-8b3d-4c7e-9a1f-2d5b6c7e8f90\","
                + "\"status\":\"closed\",\"startTime\":1795096931650,\"endTime\":1795097115650,\"createdAt\":"
                + "\"2026-11-19T14:02:11.123Z\",\"updatedAt\":\"2026-11-19T14:05:15.650Z\",\"sessionUrl\":"
                + "\"https://app.hyperbrowser.ai/features/sessions/" + ID + "\",\"launchState\":{\"useStealth\":true,"
                + "\"useProxy\":false,\"solveCaptchas\":false,\"adblock\":true,\"enableWebRecording\":true,"
                + "\"enableVideoWebRecording\":true,\"screen\":{\"width\":1280,\"height\":720}},\"creditsUsed\":0.35,"
                + "\"creditBreakdown\":{\"creditsUsed\":0.35,\"browserTimeCreditsUsed\":0.3,\"proxyDataCreditsUsed\":"
                + "0.05}}");
        String second = "{\"id\":\"" + OTHER + "\",\"teamId\":\"4f6c1e2a-8b3d-4c7e-9a1f-2d5b6c7e8f90\",\"status\":"
                + "\"active\",\"startTime\":1795097500000,\"createdAt\":\"2026-11-19T14:11:39.500Z\",\"updatedAt\":"
                + "\"2026-11-19T14:11:40.000Z\",\"sessionUrl\":\"https://app.hyperbrowser.ai/features/sessions/" + OTHER
                + "\",\"launchState\":null,\"creditsUsed\":null,\"creditBreakdown\":{\"creditsUsed\":null,"
                + "\"browserTimeCreditsUsed\":null,\"proxyDataCreditsUsed\":null}}";
        api.stubFor(get(urlPathEqualTo("/api/sessions")).withQueryParam("page", equalTo("1"))
                .withQueryParam("status", absent()).willReturn(okJson("{\"sessions\":[" + first + "],\"totalCount\":2,"
                        + "\"page\":1,\"perPage\":1}")));
        api.stubFor(get(urlPathEqualTo("/api/sessions")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("{\"sessions\":[" + second + "],\"totalCount\":2,\"page\":2,\"perPage\":1}")));

        List<Session> model;
        try (Connection hyperbrowser = hyperbrowser()) {
            model = hyperbrowser.history().sessions(SessionQuery.all()).get().toList();
        }
        List<JsonNode> lines = printed(cli("--provider", "hyperbrowser", "--json", "--reveal-urls", "sessions"));

        assertThat(model).hasSize(2);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("endedAt").asText()).isEqualTo("2026-11-19T14:05:15.650Z");
        assertThat(lines.get(0).get("duration").asText()).isEqualTo("PT3M4S");
        assertThat(lines.get(0).get("recording").asBoolean()).isTrue();
        List<String> sent = List.of(first, second);
        for (int i = 0; i < 2; i++) {
            JsonNode item = tree(sent.get(i));
            assertEveryMemberArrives(item, model.get(i).providerData(), lines.get(i), Map.of(
                    "id", Home.at("/id", "\"" + item.get("id").asText() + "\""),
                    "status", Home.at("/providerStatus", "\"" + item.get("status").asText() + "\""),
                    "createdAt", Home.at("/createdAt", "\"" + item.get("createdAt").asText() + "\""),
                    "creditsUsed", Home.at("/credits", item.get("creditsUsed").toString())));
            assertThat(model.get(i).unreadFields()).isEmpty();
        }
    }

    @Test
    void theRecordingUrlExamplesAVideoAndAnRrwebRecordingWithEveryField() {
        String video = withUnknownFields("{\"status\":\"completed\",\"recordingUrl\":\"https://hyperbrowser-"
                + "recordings.s3.us-east-1.amazonaws.com/" + ID + "/video.mp4?X-Amz-Expires=3600&X-Amz-Signature=ab12\","
                + "\"error\":null}");
        String events = "{\"status\":\"completed\",\"recordingUrl\":\"https://hyperbrowser-recordings.s3.us-east-1"
                + ".amazonaws.com/" + ID + "/recording.json?X-Amz-Expires=3600&X-Amz-Signature=cd34\",\"error\":null}";
        api.stubFor(get(urlPathEqualTo("/api/session/" + ID + "/video-recording-url")).willReturn(okJson(video)));
        api.stubFor(get(urlPathEqualTo("/api/session/" + ID + "/recording-url")).willReturn(okJson(events)));

        List<Recording> model;
        try (Connection hyperbrowser = hyperbrowser()) {
            model = hyperbrowser.recordings().recordings(SessionId.of(ID)).get();
        }
        List<JsonNode> lines = printed(cli("--provider", "hyperbrowser", "--json", "--reveal-urls", "recordings", ID));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("id").asText()).isEqualTo("video");
        assertThat(lines.get(0).get("format").asText()).isEqualTo("mp4");
        assertThat(lines.get(0).get("primary").asBoolean()).isTrue();
        assertThat(lines.get(1).get("id").asText()).isEqualTo("rrweb");
        assertThat(lines.get(1).get("format").asText()).isEqualTo("events");
        assertThat(lines.get(1).at("/alternatives/1/format").asText()).isEqualTo("events");
        List<String> sent = List.of(video, events);
        for (int i = 0; i < 2; i++) {
            JsonNode item = tree(sent.get(i));
            assertEveryMemberArrives(item, model.get(i).providerData(), lines.get(i), Map.of("recordingUrl",
                    Home.at("/alternatives/0/url", item.get("recordingUrl").toString())));
            assertThat(model.get(i).unreadFields()).isEmpty();
        }
    }

    @Test
    void theRecordingExampleDownloadsAsSentWhenNoUrlIsGiven(@TempDir Path folder) throws IOException {
        String events = "[{\"type\":4,\"data\":{\"href\":\"https://example.com/\",\"width\":1280,\"height\":720},"
                + "\"timestamp\":1795096933650},{\"type\":2,\"data\":{\"node\":{\"type\":0,\"childNodes\":[],\"id\":1},"
                + "\"initialOffset\":{\"left\":0,\"top\":0}},\"timestamp\":1795096933700,\"delay\":50},{\"type\":3,"
                + "\"data\":{\"source\":2,\"type\":2,\"id\":42,\"x\":100,\"y\":200},\"timestamp\":1795096934000,"
                + "\"delay\":300}]";
        api.stubFor(get(urlPathEqualTo("/api/session/" + ID + "/video-recording-url")).willReturn(okJson(
                "{\"status\":\"not_enabled\",\"recordingUrl\":null,\"error\":null}")));
        api.stubFor(get(urlPathEqualTo("/api/session/" + ID + "/recording-url")).willReturn(okJson(
                "{\"status\":\"completed\",\"recordingUrl\":null,\"error\":null}")));
        api.stubFor(get(urlPathEqualTo("/api/session/" + ID + "/recording")).willReturn(okJson(events)));

        CliHarness.Result saved = cli("--provider", "hyperbrowser", "download", ID, "--out", folder.toString());

        assertThat(saved.exitCode()).as(saved.toString()).isZero();
        assertThat(Files.readString(folder.resolve("hyperbrowser").resolve(ID).resolve("rrweb.json")))
                .isEqualTo(events);
    }

    @Test
    void aSessionThatRecordedNothingIsNotFoundSayingHowToEnableRecording() {
        String off = "{\"status\":\"not_enabled\",\"recordingUrl\":null,\"error\":null}";
        api.stubFor(get(urlPathEqualTo("/api/session/" + ID + "/video-recording-url")).willReturn(okJson(off)));
        api.stubFor(get(urlPathEqualTo("/api/session/" + ID + "/recording-url")).willReturn(okJson(off)));

        CliHarness.Result listed = cli("--provider", "hyperbrowser", "recordings", ID);

        assertThat(listed.exitCode()).as(listed.toString()).isEqualTo(3);
        assertThat(listed.err()).contains("enableWebRecording", "enableVideoWebRecording").doesNotContain(KEY);
    }
}
