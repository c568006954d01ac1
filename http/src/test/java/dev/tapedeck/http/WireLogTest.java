package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.MediaStream;
import dev.tapedeck.spi.Secret;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The wire log as a user sees it, through the test's real SLF4J backend (slf4j-simple, the wire logger at TRACE):
 * the DEBUG line of each request and answer, and nothing secret at TRACE, whatever the letter case.
 */
class WireLogTest {

    private static final String BEARER = "eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbg.sIgNaTuRe42";
    private static final String COOKIE = "session=c00kie-VALUE-9f8e7d";
    private static final String SIGNATURE = "deadbeefcafe0123456789";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    final CapturedLog logs = new CapturedLog();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void eachRequestAndAnswerIsOneDebugLineWithMethodUrlOperationAttemptStatusDurationBytesAndRequestId() {
        TestKits.onceThenOk(api, "/v1/sessions/s1", 503, "x-request-id", "req_7Hq2", "{\"id\":\"s1\"}");
        HttpKit kit = TestKits.kit(api.baseUrl(), sleeper).build();

        assertThat(kit.call(() -> kit.api(TestKits.Api.class).session("s1")).get()).containsEntry("id", "s1");

        String url = api.baseUrl() + "/v1/sessions/s1";
        assertThat(debugLines()).containsExactly(
                "--> anchor GET " + url + " (session, attempt 1)",
                "<-- anchor 503 GET " + url + " (session, attempt 1, N ms, 18 bytes, request id req_7Hq2)",
                "--> anchor GET " + url + " (session, attempt 2)",
                "<-- anchor 200 GET " + url + " (session, attempt 2, N ms, 11 bytes)");
    }

    @Test
    void aMediaFetchLogsItsSignedUrlWithTheSignatureMaskedAndHowItsBodyEndedButNeverTheBody() throws Exception {
        byte[] media = new byte[70_000];
        api.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "video/mp4").withHeader("Content-Length", "70000").withBody(media)));
        HttpKit kit = TestKits.kit(api.baseUrl(), TestKits.configBuilder(sleeper, Optional.empty())
                .wireLogBodyLimit(4096).build()).build();
        URI signed = URI.create(api.baseUrl() + "/rec.mp4?X-Amz-Expires=600&X-Amz-Signature=" + SIGNATURE);

        try (MediaStream stream = kit.media().open(signed, 0, Optional.empty()).get(); InputStream body = stream.body()) {
            body.readAllBytes();
        }

        String url = api.baseUrl() + "/rec.mp4?X-Amz-Expires=600&X-Amz-Signature=REDACTED";
        assertThat(debugLines()).containsExactly(
                "--> anchor GET " + url + " (media, attempt 1)",
                "<-- anchor 200 GET " + url + " (media, attempt 1, N ms, body streams, 70000 bytes announced)",
                "<-- anchor body of GET " + api.baseUrl() + "/rec.mp4?… (media): 70000 bytes in N ms, complete");
        assertThat(logs.text()).doesNotContain(SIGNATURE).doesNotContain("body (");
    }

    @Test
    void atTraceTheHeadersShowNoKeyBearerCookieOrSignatureInAnyLetterCase() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("Set-Cookie", COOKIE + "; HttpOnly")
                .withHeader("X-Echo", "your key is " + TestKits.KEY.toUpperCase(Locale.ROOT))
                .withHeader("WWW-Authenticate", "Bearer " + BEARER)
                .withHeader("x-amz-security-token", "FwoGZXIvYXdzEJr")
                .withHeader("Link", "<https://media.example.com/next?sig=" + SIGNATURE + ">; rel=next")
                .withHeader("X-Evil", "ok\u001b[2Jcleared")
                .withBody("{\"id\":\"s1\"}")));
        HttpKit kit = TestKits.kit(api.baseUrl(), sleeper).header("X-Client", "tapedeck")
                .authHeader("X-Backup-Key", Secret.of("backup-" + TestKits.KEY)).build();

        kit.call(() -> kit.api(TestKits.Api.class).session("s1")).get();

        String log = logs.text();
        assertThat(log).contains("--> anchor anchor-api-key: ****", "--> anchor X-Backup-Key: ****",
                "--> anchor X-Client: tapedeck", "<-- anchor set-cookie: ****", "<-- anchor x-amz-security-token: ****",
                "<-- anchor x-echo: your key is ****", "<-- anchor www-authenticate: Bearer ****",
                "<-- anchor link: <https://media.example.com/next?…>; rel=next",
                "<-- anchor x-evil: ok\\x1b[2Jcleared");
        assertThat(log).doesNotContainIgnoringCase(TestKits.KEY).doesNotContain(BEARER).doesNotContain("c00kie")
                .doesNotContain(SIGNATURE).doesNotContain("FwoGZXIvYXdzEJr").doesNotContain("\u001b");
    }

    @Test
    void bearerAuthKeepsItsSchemeAndMasksItsToken() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        HttpKit kit = HttpKit.builder("notte", URI.create(api.baseUrl()), TestKits.config(sleeper,
                Optional.of(Duration.ofMinutes(1)))).bearerAuth(Secret.of(BEARER)).build();

        kit.call(() -> kit.api(TestKits.Api.class).session("s1")).get();

        assertThat(logs.text()).contains("--> notte Authorization: Bearer ****").doesNotContain(BEARER);
    }

    @Test
    void apiBodiesAreLoggedOnlyWhenAskedForCutToTheLimitAndRedactedAndTheCallStillReadsThemWhole() {
        String body = "{\"id\":\"s1\",\"note\":\"key " + TestKits.KEY + "\",\"pad\":\"" + "x".repeat(500) + "\"}";
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));

        HttpKit quiet = TestKits.kit(api.baseUrl(), sleeper).build();
        assertThat(quiet.call(() -> quiet.api(TestKits.Api.class).session("s1")).get()).containsEntry("id", "s1");
        assertThat(logs.text()).doesNotContain("body (");

        HttpKit told = TestKits.kit(api.baseUrl(), TestKits.configBuilder(sleeper, Optional.empty())
                .wireLogBodyLimit(64).build()).build();
        Map<String, Object> read = told.call(() -> told.api(TestKits.Api.class).session("s1")).get();

        assertThat(read).containsEntry("id", "s1").containsKey("pad");
        assertThat(logs.text()).contains("<-- anchor body (first 64 of " + body.length() + " bytes): {\"id\":\"s1\","
                + "\"note\":\"key ****").doesNotContainIgnoringCase(TestKits.KEY);
    }

    /** The DEBUG lines of the wire log, each duration written as {@code N ms}. */
    private List<String> debugLines() {
        return logs.text().lines().filter(line -> line.contains(" DEBUG " + WireLog.LOGGER + " - "))
                .map(line -> line.substring(line.indexOf(" - ") + 3).replaceAll("\\d+ ms", "N ms")).toList();
    }
}
