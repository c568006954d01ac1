package dev.tapedeck.provider.anchor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.Connection;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnchorErrorsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String LIST = "/v1/sessions/sess_abc/recordings";

    private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
    private Connection connection;

    @BeforeEach
    void connect() {
        connection = TestSupport.connect(api.baseUrl(), sleeper);
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private void answer(String path, int status, String body) {
        api.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private TapedeckError listError() {
        return connection.recordings().recordings(SessionId.of("sess_abc")).getLeft();
    }

    @Test
    void badRequestIsInvalidRequestWithTheProvidersMessage() {
        answer("/v1/sessions", 400, "{\"error\":{\"code\":400,\"message\":\"Unsupported sort_by: colour\"}}");

        TapedeckError error = connection.history().fetchPage(SessionQuery.all(), Optional.empty()).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(error.message()).contains("Unsupported sort_by: colour");
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/sessions")));
    }

    @Test
    void unauthorizedNamesTheVariableAndNeverTheKey() {
        answer(LIST, 401, "{\"error\":{\"code\":401,\"message\":\"Invalid API Key\"}}");

        TapedeckError error = listError();

        assertThat(error).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(error.message()).contains("Invalid API Key").contains("ANCHOR_API_KEY")
                .doesNotContain(TestSupport.KEY);
        api.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void anErrorBodyEchoingTheBareKeyNeverShowsIt() {
        answer(LIST, 500, "{\"error\":{\"code\":500,\"message\":\"Invalid API key " + TestSupport.KEY + "\"}}");

        TapedeckError error = listError();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.ProviderFailure.class, failure -> {
            assertThat(failure.message()).contains("Invalid API key ****").doesNotContain(TestSupport.KEY);
            assertThat(failure.excerpt()).doesNotContain(TestSupport.KEY);
        });
    }

    @Test
    void notFoundFromTheDoublyWrappedErrorSaysWhatToCheck() {
        answer(LIST, 404, "{\"error\":{\"error\":{\"code\":404,\"message\":\"Session recordings not found\"}}}");

        TapedeckError error = listError();

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("Session recordings not found").contains("check the session id");
    }

    @Test
    void rateLimitingIsRetriedThenReportedWithTheWait() {
        api.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":429,\"message\":\"Too many requests, please try again later.\"}}")));

        TapedeckError error = listError();

        assertThat(error).isInstanceOf(TapedeckError.RateLimited.class);
        assertThat(((TapedeckError.RateLimited) error).retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(error.message()).contains("Too many requests");
        api.verify(3, getRequestedFor(urlPathEqualTo(LIST)));
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void aServerErrorOnAGetIsRetriedTwiceThenAProviderFailure() {
        answer(LIST, 500, "{\"error\":{\"code\":500,\"message\":\"Internal Server Error\"}}");

        TapedeckError error = listError();

        assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(((TapedeckError.ProviderFailure) error).status()).isEqualTo(500);
        assertThat(error.isTransient()).isTrue();
        assertThat(error.message()).contains("Internal Server Error");
        api.verify(3, getRequestedFor(urlPathEqualTo(LIST)));
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void aServerErrorFollowedBySuccessRecovers() {
        api.stubFor(get(urlPathEqualTo(LIST)).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        api.stubFor(get(urlPathEqualTo(LIST)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"count\":0,\"items\":[]}}")));

        assertThat(connection.recordings().recordings(SessionId.of("sess_abc")).get()).isEmpty();
        api.verify(2, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void aBrokenConnectionIsATransportError() {
        api.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        TapedeckError error = listError();

        assertThat(error).isInstanceOf(TapedeckError.Transport.class);
        assertThat(error.message()).doesNotContain(TestSupport.KEY);
    }

    @Test
    void anUnreadableBodyIsAProviderFailureNotAnException() {
        // cut off mid-object (an odd created_at alone no longer fails the list: it reads as absent)
        answer(LIST, 200, "{\"data\":{\"items\":[{\"id\":\"r\",\"created_at\":");

        TapedeckError error = listError();

        assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(error.message()).contains("could not be read").doesNotContain(TestSupport.KEY);
    }
}
