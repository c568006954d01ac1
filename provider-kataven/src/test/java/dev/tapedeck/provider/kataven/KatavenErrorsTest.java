package dev.tapedeck.provider.kataven;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tapedeck.Connection;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KatavenErrorsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/v1/sessions/s1/recording";

    private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();

    private TapedeckError errorFor(int status, String body) {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/plain").withBody(body)));
        return fetchError();
    }

    private TapedeckError fetchError() {
        try (Connection connection = new KatavenProviderFactory().connect(TestSupport.config(api.baseUrl(),
                new TestSupport.ManualClock(), sleeper).build()).get()) {
            return connection.recordings().recordings(SessionId.of("s1")).getLeft();
        }
    }

    @Test
    void missingAccountIdTellsTheUserToSetIt() {
        TapedeckError error = errorFor(400, "Missing X-Account-ID header");

        assertThat(error).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(error.message()).contains("KATAVEN_ACCOUNT_ID").contains("Missing X-Account-ID header");
        api.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aBareBadRequestStillTellsTheUserToSetTheAccountId() {
        TapedeckError error = errorFor(400, "");

        assertThat(error).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(error.message()).contains("KATAVEN_ACCOUNT_ID").contains("HTTP 400: no details");
    }

    @Test
    void aBare503IsPlaybackNotConfiguredAndIsNotRetried() {
        TapedeckError error = errorFor(503, "");

        assertThat(error).isInstanceOf(TapedeckError.Unsupported.class);
        assertThat(error.isTransient()).isFalse();
        assertThat(error.message()).contains("playback is not configured");
        api.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aLoadBalancers503PageIsTransientAndRetried() {
        TapedeckError error = errorFor(503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");

        assertThat(((TapedeckError.ProviderFailure) error).retryable()).isTrue();
        api.verify(3, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void anErrorBodyEchoingTheBareKeyNeverShowsIt() {
        TapedeckError error = errorFor(403, "Invalid API key " + TestSupport.JWT);

        assertThat(error).isInstanceOf(TapedeckError.Forbidden.class);
        assertThat(error.message()).contains("Invalid API key ****").doesNotContain(TestSupport.JWT);
    }

    @Test
    void theAccountIdIsNoSecretSoKatavensMessagesShowItAsTheyAre() {
        TapedeckError error = errorFor(404, "No recording for session s1 in account " + TestSupport.ACCOUNT);

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("in account " + TestSupport.ACCOUNT);
    }

    @Test
    void noRecordingIsNotFound() {
        TapedeckError error = errorFor(404, "No recording for this session");

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("No recording for this session");
        api.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void recordingNotUploadedYetIsNotReady() {
        TapedeckError error = errorFor(409, "Recording not ready");

        assertThat(error).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(error.message()).contains("Recording not ready");
        assertThat(((TapedeckError.NotReady) error).retryAfter()).isEmpty();
        api.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void notReadyCarriesTheServersRetryAfter() {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(409).withHeader("Retry-After", "15")
                .withBody("Recording not ready")));

        TapedeckError error = fetchError();

        assertThat(((TapedeckError.NotReady) error).retryAfter()).contains(Duration.ofSeconds(15));
    }

    @Test
    void playbackNotConfiguredIsAnUnsupportedFeatureThatIsNotRetried() {
        TapedeckError error = errorFor(503, "Recording playback not configured");

        assertThat(error).isInstanceOfSatisfying(TapedeckError.Unsupported.class, unsupported ->
                assertThat(unsupported.what()).isEqualTo("recording playback"));
        assertThat(error.message()).contains("playback is not configured for this account").contains("HTTP 503");
        api.verify(1, getRequestedFor(urlEqualTo(PATH)));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void anUnrelated503IsRetried() {
        TapedeckError error = errorFor(503, "upstream connect error");

        assertThat(((TapedeckError.ProviderFailure) error).retryable()).isTrue();
        api.verify(3, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void internalErrorIsARetryableFailureRetriedTwice() {
        TapedeckError error = errorFor(500, "Internal error");

        assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
        TapedeckError.ProviderFailure failure = (TapedeckError.ProviderFailure) error;
        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.message()).contains("Internal error");
        api.verify(3, getRequestedFor(urlEqualTo(PATH)));
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void rateLimitWaitsRetryAfterSecondsThenSucceeds() {
        api.stubFor(get(urlEqualTo(PATH)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                        .withBody("rate_limited: per-minute (60) exceeded"))
                .willSetStateTo("open"));
        api.stubFor(get(urlEqualTo(PATH)).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(okJson("{\"url\": \"https://cdn.example/a.mp3\"}")));

        try (Connection connection = new KatavenProviderFactory().connect(TestSupport.config(api.baseUrl(),
                new TestSupport.ManualClock(), sleeper).build()).get()) {
            assertThat(connection.recordings().recordings(SessionId.of("s1")).isRight()).isTrue();
        }

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
        api.verify(2, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void rateLimitLongerThanTheCapFailsAtOnceWithTheWait() {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withBody("rate_limited: per-hour (1000) exceeded")));

        TapedeckError error = fetchError();

        assertThat(error).isInstanceOf(TapedeckError.RateLimited.class);
        assertThat(((TapedeckError.RateLimited) error).retryAfter()).contains(Duration.ofSeconds(120));
        api.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void unauthorizedNamesTheVariableButNeverTheKey() {
        TapedeckError error = errorFor(401, "invalid token " + TestSupport.JWT);

        assertThat(error).isInstanceOf(TapedeckError.Unauthorized.class);
        assertThat(error.message()).contains("KATAVEN_API_KEY").doesNotContain(TestSupport.JWT);
    }
}
