package dev.tapedeck.provider.notte;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tapedeck.Connection;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.model.SessionId;
import dev.tapedeck.model.SessionQuery;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RetryPolicy;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotteErrorsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private Connection connect(RetryPolicy policy) {
        return new NotteProviderFactory().connect(TestSupport.config(api.baseUrl(), sleeper)
                .retryPolicy(policy).build()).get();
    }

    private Connection connect() {
        return connect(RetryPolicy.defaults().withRandom(() -> 0.0));
    }

    private TapedeckError replayError(String session) {
        try (Connection connection = connect()) {
            return connection.recordings().recordings(SessionId.of(session)).getLeft();
        }
    }

    @Test
    void notFoundSayingStillActiveIsNotReadyWithoutRetrying() {
        api.stubFor(get(urlEqualTo("/sessions/live/replay")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Session live is still active. Stop it to get the replay.\", \"detail\": null}")));

        TapedeckError error = replayError("live");

        assertThat(error).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(error.provider()).isEqualTo("notte");
        assertThat(error.message()).contains("still active").contains("closed");
        assertThat(((TapedeckError.NotReady) error).retryAfter()).isEmpty();
        assertThat(sleeper.sleeps()).isEmpty();
        api.verify(1, getRequestedFor(urlEqualTo("/sessions/live/replay")));
    }

    @Test
    void stillActiveCarriesTheServersRetryAfterAsItsHint() {
        api.stubFor(get(urlEqualTo("/sessions/live/replay")).willReturn(aResponse().withStatus(404)
                .withHeader("Retry-After", "7")
                .withBody("{\"message\": \"Session is still active\"}")));

        TapedeckError error = replayError("live");

        assertThat(error).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(((TapedeckError.NotReady) error).retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void stillActiveSaidOnlyInTheDetailIsNotReadyToo() {
        api.stubFor(get(urlEqualTo("/sessions/live/replay")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Not Found\", \"detail\": \"Session live is still active\"}")));

        TapedeckError error = replayError("live");

        assertThat(error).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(error.message()).contains("Not Found: Session live is still active");
    }

    @Test
    void validationErrorCarriesEveryFieldProblem() {
        api.stubFor(get(urlPathEqualTo("/sessions")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"detail": [
                          {"loc": ["query", "page_size"], "msg": "Input should be less than or equal to 100",
                           "type": "less_than_equal", "input": "500", "ctx": {"le": 100}},
                          {"loc": ["query", "page"], "msg": "Input should be greater than or equal to 1",
                           "type": "greater_than_equal"}
                        ]}
                        """)));

        TapedeckError error;
        try (Connection connection = connect()) {
            error = connection.history().sessions(SessionQuery.all()).getLeft();
        }

        assertThat(error).isInstanceOf(TapedeckError.InvalidRequest.class);
        assertThat(((TapedeckError.InvalidRequest) error).problems()).containsExactly(
                new TapedeckError.FieldProblem("query.page_size", "Input should be less than or equal to 100"),
                new TapedeckError.FieldProblem("query.page", "Input should be greater than or equal to 1"));
        assertThat(error.message()).contains("page_size");
    }

    @Test
    void overloadedIsARetryableFailureThatIsRetried() {
        api.stubFor(get(urlEqualTo("/sessions/busy/replay")).inScenario("overload")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(529)
                        .withBody("{\"message\": \"Cluster overloaded - too many sessions\"}"))
                .willSetStateTo("recovered"));
        api.stubFor(get(urlEqualTo("/sessions/busy/replay")).inScenario("overload")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"mp4_url\": \"https://cdn.example/r.mp4\", \"expires_at\": null}")));

        try (Connection connection = connect()) {
            assertThat(connection.recordings().recordings(SessionId.of("busy")).isRight()).isTrue();
        }

        api.verify(2, getRequestedFor(urlEqualTo("/sessions/busy/replay")));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void overloadedEveryTimeEndsAsRetryableProviderFailure() {
        api.stubFor(get(urlEqualTo("/sessions/busy/replay")).willReturn(aResponse().withStatus(529)
                .withBody("{\"message\": \"Cluster overloaded - too many sessions\"}")));

        TapedeckError error = replayError("busy");

        assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
        TapedeckError.ProviderFailure failure = (TapedeckError.ProviderFailure) error;
        assertThat(failure.status()).isEqualTo(529);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.message()).contains("Cluster overloaded");
        api.verify(3, getRequestedFor(urlEqualTo("/sessions/busy/replay")));
    }

    @Test
    void rateLimitWithoutRetryAfterUsesTheResetTimeAsHint() {
        long reset = TestSupport.NOW.plusSeconds(42).getEpochSecond();
        api.stubFor(get(urlEqualTo("/sessions/s/replay")).willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Limit", "100")
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(reset))
                .withBody("{\"message\": \"Rate limit exceeded\"}")));

        TapedeckError error;
        try (Connection connection = connect(RetryPolicy.none())) {
            error = connection.recordings().recordings(SessionId.of("s")).getLeft();
        }

        assertThat(error).isInstanceOf(TapedeckError.RateLimited.class);
        assertThat(((TapedeckError.RateLimited) error).retryAfter()).contains(Duration.ofSeconds(42));
        assertThat(error.message()).contains("Rate limit exceeded");
    }

    static Stream<Arguments> resets() {
        return Stream.of(Arguments.of("3", 3), // seconds from now
                Arguments.of(Long.toString(TestSupport.NOW.plusSeconds(4).getEpochSecond()), 4)); // a unix time
    }

    @ParameterizedTest(name = "X-RateLimit-Reset: {0}")
    @MethodSource("resets")
    void aShortRateLimitResetIsWaitedForExactlyUnderTheDefaultPolicy(String reset, long seconds) {
        api.stubFor(get(urlEqualTo("/sessions/s/replay")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", reset)
                        .withBody("{\"message\": \"Rate limit exceeded\"}"))
                .willSetStateTo("reset"));
        api.stubFor(get(urlEqualTo("/sessions/s/replay")).inScenario("limit").whenScenarioStateIs("reset")
                .willReturn(okJson("{\"mp4_url\": \"https://cdn.example/r.mp4\"}")));

        try (Connection connection = connect()) {
            assertThat(connection.recordings().recordings(SessionId.of("s")).isRight()).isTrue();
        }

        api.verify(2, getRequestedFor(urlEqualTo("/sessions/s/replay")));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(seconds));
    }

    @Test
    void aLongRateLimitResetFailsAtOnceWithTheWait() {
        api.stubFor(get(urlEqualTo("/sessions/s/replay")).willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Reset", "300").withBody("{\"message\": \"Rate limit exceeded\"}")));

        TapedeckError error = replayError("s");

        assertThat(error).isInstanceOfSatisfying(TapedeckError.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(300)));
        api.verify(1, getRequestedFor(urlEqualTo("/sessions/s/replay")));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aValidationAnswerLongerThanTheExcerptKeepsEveryFieldProblem() {
        String echo = "x".repeat(4096);
        api.stubFor(get(urlPathEqualTo("/sessions")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"detail": [
                          {"loc": ["query", "page_size"], "msg": "Input should be less than or equal to 100",
                           "type": "less_than_equal", "input": "%s", "ctx": {"le": 100}},
                          {"loc": ["query", "page"], "msg": "Input should be greater than or equal to 1",
                           "type": "greater_than_equal", "input": "%s"}
                        ]}
                        """.formatted(echo, echo))));

        TapedeckError error;
        try (Connection connection = connect()) {
            error = connection.history().sessions(SessionQuery.all()).getLeft();
        }

        assertThat(error).isInstanceOfSatisfying(TapedeckError.InvalidRequest.class, invalid ->
                assertThat(invalid.problems()).containsExactly(
                        new TapedeckError.FieldProblem("query.page_size", "Input should be less than or equal to 100"),
                        new TapedeckError.FieldProblem("query.page", "Input should be greater than or equal to 1")));
    }
}
