package dev.tapedeck.provider.notte;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.Connection;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.TapedeckError;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A replay's plain 404 is read the way Notte's SDK reads it, by asking for the session: unknown session, still
 * active, closed and being finalised, or closed long ago with nothing recorded. The clock is fixed at
 * {@link TestSupport#NOW}.
 */
class NotteReadinessTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private TapedeckError replayError(String session, String sessionAnswer) {
        api.stubFor(get(urlEqualTo("/sessions/" + session + "/replay")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Replay not found for session " + session + "\", \"detail\": null}")));
        if (sessionAnswer != null) {
            api.stubFor(get(urlEqualTo("/sessions/" + session)).willReturn(okJson(sessionAnswer)));
        } else {
            api.stubFor(get(urlEqualTo("/sessions/" + session)).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\": \"Session " + session + " not found\", \"detail\": null}")));
        }
        try (Connection connection = new NotteProviderFactory().connect(TestSupport.config(api.baseUrl(),
                new RecordingSleeper()).build()).get()) {
            return connection.recordings().primaryRecording(SessionId.of(session)).getLeft();
        }
    }

    private static String session(String id, String status, String closedAt) {
        return "{\"session_id\": \"" + id + "\", \"status\": \"" + status + "\", \"created_at\": "
                + "\"2025-06-01T11:00:00Z\", \"last_accessed_at\": \"2025-06-01T11:30:00Z\", \"idle_timeout_minutes\": 3, "
                + "\"closed_at\": " + (closedAt == null ? "null" : "\"" + closedAt + "\"") + "}";
    }

    @Test
    void aSessionThatDoesNotExistIsNotFound() {
        TapedeckError error = replayError("nobody", null);

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("notte has no session nobody").contains("check the session id");
        api.verify(1, getRequestedFor(urlEqualTo("/sessions/nobody")));
    }

    @Test
    void anActiveSessionIsNotReadyWithTheAdviceToStopIt() {
        TapedeckError error = replayError("live", session("live", "active", null));

        assertThat(error).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(error.message()).contains("still active").contains("stop the session");
        assertThat(((TapedeckError.NotReady) error).retryAfter()).isEmpty();
    }

    @Test
    void aSessionClosedAMinuteAgoIsBeingFinalisedAndAskedAgainAtTheSdksPace() {
        TapedeckError error = replayError("fresh", session("fresh", "closed", "2025-06-01T11:59:00"));

        assertThat(error).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(error.message()).contains("finalising the replay of session fresh")
                .contains("2025-06-01T11:59:00Z");
        assertThat(((TapedeckError.NotReady) error).retryAfter()).isEqualTo(Optional.of(Duration.ofSeconds(5)));
    }

    @Test
    void aSessionThatTimedOutJustNowIsBeingFinalisedToo() {
        TapedeckError error = replayError("slow", session("slow", "timed_out", "2025-06-01T11:58:00Z"));

        assertThat(error).isInstanceOf(TapedeckError.NotReady.class);
    }

    @Test
    void aSessionClosedLongAgoHasNoReplayComing() {
        TapedeckError error = replayError("old", session("old", "error", "2025-06-01T10:00:00Z"));

        assertThat(error).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(error.message()).contains("notte has no replay for session old").contains("recorded nothing");
    }

    @Test
    void aLookUpThatFailsOtherwiseIsReportedAsItIs() {
        api.stubFor(get(urlEqualTo("/sessions/flaky/replay")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\": \"Replay not found\"}")));
        api.stubFor(get(urlEqualTo("/sessions/flaky")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"Invalid token\"}")));

        try (Connection connection = new NotteProviderFactory().connect(TestSupport.config(api.baseUrl(),
                new RecordingSleeper()).build()).get()) {
            assertThat(connection.recordings().primaryRecording(SessionId.of("flaky")).getLeft())
                    .isInstanceOf(TapedeckError.Unauthorized.class);
        }
    }
}
