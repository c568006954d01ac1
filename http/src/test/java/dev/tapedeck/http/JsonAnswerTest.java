package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tapedeck.model.JsonValue;
import dev.tapedeck.model.TapedeckError;
import feign.Param;
import feign.RequestLine;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A JSON answer read with its headers (a page whose next offset is a header), whole and inside the retries like any
 * other JSON answer; a body that is no JSON is an error, a refusal mapped.
 */
class JsonAnswerTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** An API whose list answers with its paging in headers. */
    interface PagedApi {
        @RequestLine("GET /v1/{what}")
        JsonAnswer page(@Param("what") String what);
    }

    private final List<Duration> sleeps = new ArrayList<>();

    private Either<TapedeckError, JsonAnswer> read(String what) {
        try (HttpKit kit = TestKits.kit(api.baseUrl(), sleeps::add).build()) {
            PagedApi client = kit.api(PagedApi.class);
            return kit.call(() -> client.page(what));
        }
    }

    @Test
    void theBodyArrivesWithItsHeadersReadInAnyCase() {
        api.stubFor(get(urlPathEqualTo("/v1/browsers")).willReturn(okJson("[{\"id\":\"b1\"}]")
                .withHeader("X-Next-Offset", " 20 ").withHeader("X-Has-More", "true")));

        JsonAnswer answer = read("browsers").get();

        assertThat(answer.body()).isInstanceOfSatisfying(JsonValue.ListValue.class, list ->
                assertThat(list.values()).hasSize(1));
        assertThat(answer.header("x-next-offset")).contains("20");
        assertThat(answer.header("X-HAS-MORE")).contains("true");
        assertThat(answer.header("X-Total")).isEmpty();
    }

    @Test
    void aBodyThatBreaksOffIsTriedAgain() {
        api.stubFor(get(urlPathEqualTo("/v1/browsers")).inScenario("broken").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)).willSetStateTo("whole"));
        api.stubFor(get(urlPathEqualTo("/v1/browsers")).inScenario("broken").whenScenarioStateIs("whole")
                .willReturn(okJson("[]").withHeader("X-Has-More", "false")));

        JsonAnswer answer = read("browsers").get();

        assertThat(answer.header("X-Has-More")).contains("false");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aBodyThatIsNoJsonIsAProviderFailureAndARefusalIsMapped() {
        api.stubFor(get(urlPathEqualTo("/v1/browsers")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html").withBody("<html>sign in</html>")));
        api.stubFor(get(urlPathEqualTo("/v1/replays")).willReturn(aResponse().withStatus(403)
                .withBody("{\"message\":\"not yours\"}")));

        TapedeckError html = read("browsers").getLeft();
        TapedeckError refused = read("replays").getLeft();

        assertThat(html).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(refused).isInstanceOf(TapedeckError.Forbidden.class);
        assertThat(refused.message()).contains("not yours").doesNotContain(TestKits.KEY);
    }
}
