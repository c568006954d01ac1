package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.kit.fakes.RecordingSleeper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RetryBudget;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryLayerTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private TestKits.Api client() {
        return TestKits.kit(api.baseUrl(), sleeper).build().api(TestKits.Api.class);
    }

    private HttpKit kit() {
        return TestKits.kit(api.baseUrl(), sleeper).build();
    }

    private void answers(String path, int... statuses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String next = "step" + (i + 1);
            api.stubFor(get(urlPathEqualTo(path)).inScenario("seq").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(statuses[i]).withHeader("Content-Type", "application/json")
                            .withBody(statuses[i] == 200 ? "{\"id\":\"s1\"}" : "{\"message\":\"busy\"}"))
                    .willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void retriesTwo503sThenSucceedsWithExactBackoffs() {
        answers("/v1/sessions/s1", 503, 503, 200);
        HttpKit kit = kit();

        Either<TapedeckError, Map<String, Object>> result = kit.call(() -> kit.api(TestKits.Api.class).session("s1"));

        assertThat(result.get()).containsEntry("id", "s1");
        api.verify(3, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
        // 0.5 s and 1 s less 25% jitter times u = 0.5
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(437).plusNanos(500_000), Duration.ofMillis(875));
    }

    @Test
    void givesUpAfterTwoRetriesAndReportsTheRetryableFailure() {
        answers("/v1/sessions/s1", 503, 503, 503);
        HttpKit kit = kit();

        Either<TapedeckError, Map<String, Object>> result = kit.call(() -> kit.api(TestKits.Api.class).session("s1"));

        assertThat(result.getLeft()).isInstanceOfSatisfying(TapedeckError.ProviderFailure.class, failure -> {
            assertThat(failure.status()).isEqualTo(503);
            assertThat(failure.retryable()).isTrue();
        });
        api.verify(3, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
        assertThat(sleeper.sleeps()).hasSize(2);
    }

    private void serverWait(String header, String value) {
        TestKits.onceThenOk(api, "/v1/sessions/s1", 429, header, value, "{}");
    }

    @Test
    void honoursRetryAfterSecondsPlusTenPercentJitter() {
        serverWait("Retry-After", "3");

        assertThat(kit().call(() -> client().session("s1")).isRight()).isTrue();

        api.verify(2, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(3150));
    }

    @Test
    void honoursRetryAfterAsHttpDateAgainstTheInjectedClock() {
        serverWait("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                TestKits.NOW.plusSeconds(10).atOffset(ZoneOffset.UTC)));

        assertThat(kit().call(() -> client().session("s1")).isRight()).isTrue();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(10_500));
    }

    @Test
    void honoursRetryAfterMilliseconds() {
        serverWait("retry-after-ms", "1500");

        assertThat(kit().call(() -> client().session("s1")).isRight()).isTrue();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(1575));
    }

    /** The error of a call answered {@code status} with a Retry-After of 120 s, checked to have failed at once. */
    private TapedeckError failsAtOnceAfterALongRetryAfter(int status) {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withStatus(status)
                .withHeader("Retry-After", "120").withBody("{\"message\":\"maintenance\"}")));

        TapedeckError error = kit().call(() -> client().session("s1")).getLeft();

        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
        assertThat(sleeper.sleeps()).isEmpty();
        return error;
    }

    @Test
    void retryAfterAboveTheCapOnA429FailsAtOnceWithRateLimitedCarryingTheWait() {
        assertThat(failsAtOnceAfterALongRetryAfter(429)).isInstanceOfSatisfying(TapedeckError.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(120)));
    }

    @Test
    void retryAfterAboveTheCapOnA503FailsAtOnceAsTheProviderFailureItIsWithTheWaitInItsMessage() {
        assertThat(failsAtOnceAfterALongRetryAfter(503)).isInstanceOfSatisfying(TapedeckError.ProviderFailure.class,
                failure -> {
                    assertThat(failure.status()).isEqualTo(503);
                    assertThat(failure.message()).contains("maintenance").contains("wait 120 s");
                });
    }

    @Test
    void aSmallRateLimitResetCountsSecondsFromNowAndIsWaitedFor() {
        serverWait("X-RateLimit-Reset", "3");

        assertThat(kit().call(() -> client().session("s1")).isRight()).isTrue();

        api.verify(2, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(3150));
    }

    @Test
    void theWaitComesFromTheMappedErrorsHintNotFromTheHeaders() {
        serverWait("X-Unrelated", "1");
        HttpKit kit = TestKits.kit(api.baseUrl(), sleeper)
                .errorMapper(failure -> new TapedeckError.RateLimited("anchor", "slow down",
                        Optional.of(Duration.ofSeconds(7))))
                .build();

        assertThat(kit.call(() -> kit.api(TestKits.Api.class).session("s1")).isRight()).isTrue();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(7350));
    }

    @Test
    void eachFailedAnswerIsMappedExactlyOnce() {
        answers("/v1/sessions/s1", 503, 503, 503);
        AtomicInteger mapped = new AtomicInteger();
        HttpKit kit = TestKits.kit(api.baseUrl(), sleeper)
                .errorMapper(failure -> {
                    mapped.incrementAndGet();
                    return StandardErrors.map(failure, java.time.Clock.systemUTC());
                })
                .build();

        TapedeckError error = kit.call(() -> kit.api(TestKits.Api.class).session("s1")).getLeft();

        assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
        api.verify(3, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
        assertThat(mapped).hasValue(3);
    }

    @Test
    void postIsNotRetriedAfterA503() {
        api.stubFor(post(urlPathEqualTo("/v1/sessions")).willReturn(aResponse().withStatus(503)));

        Either<TapedeckError, Map<String, Object>> result = kit().call(() -> client().create(Map.of("a", 1)));

        assertThat(result.getLeft()).isInstanceOf(TapedeckError.ProviderFailure.class);
        api.verify(1, postRequestedFor(urlPathEqualTo("/v1/sessions")));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void postIsNotRetriedAfterAResetConnection() {
        api.stubFor(post(urlPathEqualTo("/v1/sessions"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Either<TapedeckError, Map<String, Object>> result = kit().call(() -> client().create(Map.of("a", 1)));

        assertThat(result.getLeft()).isInstanceOf(TapedeckError.Transport.class);
        api.verify(1, postRequestedFor(urlPathEqualTo("/v1/sessions")));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void bodylessPostIsNotRetriedAfterAResetConnection() {
        api.stubFor(post(urlPathEqualTo("/v1/sessions/s1/pause"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpKit kit = kit();

        Either<TapedeckError, Void> result = kit.call(() -> {
            kit.api(TestKits.Api.class).pause("s1");
            return null;
        });

        assertThat(result.getLeft()).isInstanceOf(TapedeckError.Transport.class);
        api.verify(1, postRequestedFor(urlPathEqualTo("/v1/sessions/s1/pause")));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void getIsRetriedAfterResetConnectionsWithBackoff() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Either<TapedeckError, Map<String, Object>> result = kit().call(() -> client().session("s1"));

        assertThat(result.getLeft()).isInstanceOf(TapedeckError.Transport.class);
        // 3 tries by our layer; HttpURLConnection itself resends a bodyless GET once when the connection dies
        // before the status line (not configurable), hence 2 requests per try
        api.verify(6, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(437).plusNanos(500_000), Duration.ofMillis(875));
    }

    @Test
    void aFailureTheMapperCallsPermanentIsNeverRetriedEvenOn503() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withStatus(503)
                .withBody("{\"message\":\"playback not configured\"}")));
        HttpKit kit = TestKits.kit(api.baseUrl(), sleeper)
                .errorMapper(failure -> new TapedeckError.ProviderFailure("anchor", failure.status(),
                        StandardErrors.message(failure), failure.bodyExcerpt(), false))
                .build();

        Either<TapedeckError, Map<String, Object>> result = kit.call(() -> kit.api(TestKits.Api.class).session("s1"));

        assertThat(result.getLeft().message()).isEqualTo("playback not configured");
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void noRetryStartsThatWouldOverrunTheOverallTimeout() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "3")));
        HttpKit kit = HttpKit.builder("anchor", URI.create(api.baseUrl()),
                TestKits.config(sleeper, Optional.of(Duration.ofSeconds(2)))).build();

        Either<TapedeckError, Map<String, Object>> result = kit.call(() -> kit.api(TestKits.Api.class).session("s1"));

        assertThat(result.getLeft()).isInstanceOf(TapedeckError.ProviderFailure.class);
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void anApiSayingXShouldRetryTrueIsRetriedEvenOnA409() {
        TestKits.onceThenOk(api, "/v1/sessions/s1", 409, "X-Should-Retry", "true", "{\"id\":\"s1\"}");

        assertThat(kit().call(() -> client().session("s1")).get()).containsEntry("id", "s1");

        api.verify(2, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
    }

    @Test
    void anApiSayingXShouldRetryFalseIsNotRetriedEvenOnA503() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withStatus(503)
                .withHeader("x-should-retry", "false").withBody("{\"message\":\"down for good\"}")));

        TapedeckError error = kit().call(() -> client().session("s1")).getLeft();

        assertThat(error.message()).contains("down for good");
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void xShouldRetryFromAnotherOriginThanTheApisIsIgnored() {
        other.stubFor(get(urlPathEqualTo("/elsewhere")).willReturn(aResponse().withStatus(503)
                .withHeader("X-Should-Retry", "false")));
        other.stubFor(get(urlPathEqualTo("/conflict")).willReturn(aResponse().withStatus(409)
                .withHeader("X-Should-Retry", "true")));

        kit().call(() -> client().absolute(java.net.URI.create(other.baseUrl() + "/elsewhere")));
        kit().call(() -> client().absolute(java.net.URI.create(other.baseUrl() + "/conflict")));

        other.verify(3, getRequestedFor(urlPathEqualTo("/elsewhere")));
        other.verify(1, getRequestedFor(urlPathEqualTo("/conflict")));
    }

    @Test
    void theRetryBudgetOfAConnectionStopsRetriesWhenSpentButNeverAFirstTry() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withStatus(503)));
        HttpKit kit = TestKits.kit(api.baseUrl(), TestKits.configBuilder(sleeper, Optional.of(Duration.ofMinutes(5)))
                .retryBudget(new RetryBudget(12, 5, 10)).build()).build();
        TestKits.Api client = kit.api(TestKits.Api.class);

        kit.call(() -> client.session("s1"));
        kit.call(() -> client.session("s1"));
        kit.call(() -> client.session("s1"));

        // 12 tokens: the first call retries twice (10), the second and third get their first try only
        api.verify(3 + 1 + 1, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
        assertThat(sleeper.sleeps()).hasSize(2);
    }

    @Test
    void aSuccessPutsTheTokensOfItsRetriesBack() {
        answers("/v1/sessions/s1", 503, 200, 503, 503, 200);
        HttpKit kit = TestKits.kit(api.baseUrl(), TestKits.configBuilder(sleeper, Optional.of(Duration.ofMinutes(5)))
                .retryBudget(new RetryBudget(5, 5, 10)).build()).build();
        TestKits.Api client = kit.api(TestKits.Api.class);

        assertThat(kit.call(() -> client.session("s1")).isRight()).isTrue();
        assertThat(kit.call(() -> client.session("s1")).isLeft()).isTrue();

        // the first call's retry was paid back, so the second call could retry once, then the bucket was empty
        api.verify(4, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
    }

    @Test
    void errorsCarryTheProvidersRequestIdAndIgnoreAnUnusableOne() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withStatus(503)
                .withHeader("x-request-id", "req_01HX9K").withBody("{\"message\":\"busy\"}")));
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s2")).willReturn(aResponse().withStatus(404)
                .withHeader("X-Amzn-RequestId", "9f1c-44aa").withBody("{\"message\":\"no such session\"}")));
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s3")).willReturn(aResponse().withStatus(404)
                .withHeader("x-request-id", "<script>alert(1)</script>").withBody("{\"message\":\"gone\"}")));

        assertThat(kit().call(() -> client().session("s1")).getLeft().message()).endsWith("(request id req_01HX9K)");
        assertThat(kit().call(() -> client().session("s2")).getLeft().message()).endsWith("(request id 9f1c-44aa)");
        assertThat(kit().call(() -> client().session("s3")).getLeft().message()).doesNotContain("request id")
                .doesNotContain("script");
    }
}
