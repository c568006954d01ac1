package dev.tapedeck.provider.kataven;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.Connection;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.sandbox.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KatavenErrorsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/v1/sessions/s1/recording";

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private TapedeckError errorFor(int status, String body) {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/plain").withBody(body)));
        return fetchError();
    }

    private TapedeckError fetchError() {
        try (Connection connection = new KatavenProviderFactory().connect(TestSupport.config(api.baseUrl(),
                new ManualClock(TestSupport.NOW), sleeper).build()).get()) {
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
    void theAccountIdIsNoSecretSoKatavensMessagesShowItAsTheyAre() {
        TapedeckError error = errorFor(404, "No recording for session s1 in account " + TestSupport.ACCOUNT);

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("in account " + TestSupport.ACCOUNT);
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
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void anUnrelated503IsRetried() {
        TapedeckError error = errorFor(503, "upstream connect error");

        assertThat(((TapedeckError.ProviderFailure) error).retryable()).isTrue();
        api.verify(3, getRequestedFor(urlEqualTo(PATH)));
    }
}
