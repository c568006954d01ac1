package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Secret;
import dev.tapedeck.spi.Timeouts;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every failure a real server can produce, mapped to the right error, with no secret in any text. */
class ErrorMappingTest {

    private static final String SIGNED = "https://media.example.com/rec.mp4?X-Amz-Credential=AKIAEXAMPLE"
            + "&X-Amz-Signature=deadbeefcafe0123456789";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    final CapturedLog logs = new CapturedLog();

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("400", json(400, "{\"message\":\"bad page size\"}"), TapedeckError.InvalidRequest.class, "bad page size"),
                Arguments.of("401", json(401, "{\"error\":{\"message\":\"invalid key " + TestKits.KEY + "\"}}"),
                        TapedeckError.Unauthorized.class, "ANCHOR_API_KEY"),
                Arguments.of("401 echoing the key upper-cased", json(401, "{\"message\":\"unknown key "
                        + TestKits.KEY.toUpperCase(java.util.Locale.ROOT) + "\"}"), TapedeckError.Unauthorized.class,
                        "unknown key ****"),
                Arguments.of("403", json(403, "{\"error\":{\"error\":{\"message\":\"plan too small\"}}}"),
                        TapedeckError.Forbidden.class, "plan too small"),
                Arguments.of("403 from a storage service", aResponse().withStatus(403)
                        .withHeader("Content-Type", "application/xml").withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "\n<Error><Code>ExpiredToken</Code><Message>The provided token has expired &amp; "
                                + "must be renewed.</Message><RequestId>R1</RequestId></Error>"),
                        TapedeckError.Forbidden.class, "ExpiredToken: The provided token has expired & must be renewed."),
                Arguments.of("403 as an HTML page", aResponse().withStatus(403).withHeader("Content-Type", "text/html")
                        .withBody("<html><body><Error><Code>X</Code></Error></body></html>"),
                        TapedeckError.Forbidden.class, "no details"),
                Arguments.of("404", json(404, "{\"detail\":\"Session not found\"}"), TapedeckError.NotFound.class,
                        "Session not found"),
                Arguments.of("408", json(408, "slow"), TapedeckError.Transport.class, "HTTP 408"),
                Arguments.of("409", json(409, "{\"message\":\"still recording\"}"), TapedeckError.ProviderFailure.class,
                        "still recording"),
                Arguments.of("422", json(422, "{\"detail\":[{\"loc\":[\"query\",\"page_size\"],"
                        + "\"msg\":\"ensure this value is less than or equal to 100\",\"type\":\"value_error\"}]}"),
                        TapedeckError.InvalidRequest.class, "query.page_size: ensure this value"),
                Arguments.of("429", json(429, "{\"message\":\"slow down\"}").withHeader("Retry-After", "120"),
                        TapedeckError.RateLimited.class, "120 s"),
                Arguments.of("429 until 2099", json(429, "{\"message\":\"slow down\"}")
                        .withHeader("Retry-After", "Thu, 01 Jan 2099 00:00:00 GMT"), TapedeckError.RateLimited.class,
                        "retry in " + String.format(java.util.Locale.ROOT, "%,d days", java.time.Duration.between(
                                TestKits.NOW, java.time.Instant.parse("2099-01-01T00:00:00Z")).toDays() + 1)),
                Arguments.of("500", json(500, "{\"message\":\"boom, see " + SIGNED + "\"}"),
                        TapedeckError.ProviderFailure.class, "boom"),
                Arguments.of("503", json(503, "upstream " + SIGNED), TapedeckError.ProviderFailure.class, "upstream"),
                Arguments.of("529", json(529, "{\"error\":{\"message\":\"overloaded\"}}"),
                        TapedeckError.ProviderFailure.class, "overloaded"),
                Arguments.of("302", aResponse().withStatus(302).withHeader("Location", SIGNED),
                        TapedeckError.ProviderFailure.class, "never follow"),
                Arguments.of("malformed 200", json(200, "{\"id\": \"s1\", \"url\": \"" + SIGNED + "\", oops"),
                        TapedeckError.ProviderFailure.class, "could not be read"),
                Arguments.of("reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        TapedeckError.Transport.class, "check the network"));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void mapsTheFailureToTheRightErrorWithoutLeakingSecrets(String name, ResponseDefinitionBuilder answer,
            Class<? extends TapedeckError> expected, String messagePart) {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(answer));
        HttpKit kit = HttpKit.builder("anchor", URI.create(api.baseUrl()), noRetries())
                .authHeader("anchor-api-key", Secret.of(TestKits.KEY)).build();

        Either<TapedeckError, Map<String, Object>> result =
                kit.call(() -> kit.api(TestKits.Api.class).session("s1"));

        TapedeckError error = result.getLeft();
        assertThat(error).isInstanceOf(expected);
        assertThat(error.message()).contains(messagePart).doesNotContain("\n");
        assertNoSecretIn(error.message(), error.toString(), new ApiException(error).toString(), logs.text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void requestUrlsWithSignaturesNeverShowUpEither(String name, ResponseDefinitionBuilder answer,
            Class<? extends TapedeckError> expected, String messagePart) {
        api.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(answer));
        HttpKit kit = HttpKit.builder("anchor", URI.create(api.baseUrl()), withRetries())
                .authHeader("anchor-api-key", Secret.of(TestKits.KEY)).build();
        URI signed = URI.create(api.baseUrl() + "/rec.mp4?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=deadbeefcafe0123456789");

        TapedeckError error = kit.call(() -> kit.api(TestKits.Api.class).absolute(signed)).getLeft();

        assertThat(error).isInstanceOf(expected);
        assertNoSecretIn(error.message(), error.toString(), logs.text());
        if (name.matches("408|500|503|529|reset")) {
            // the retries were logged, with the URL but without its query string
            assertThat(logs.text()).contains("/rec.mp4?…");
        }
    }

    static void assertNoSecretIn(String... texts) {
        for (String text : texts) {
            assertThat(text).doesNotContainIgnoringCase(TestKits.KEY).doesNotContain("deadbeefcafe")
                    .doesNotContain("AKIAEXAMPLE").doesNotContain("X-Amz-Signature=d");
        }
    }

    @org.junit.jupiter.api.Test
    void fieldProblemsComeFromANotteStyleDetailList() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(json(422, "{\"detail\":[{\"loc\":[\"query\","
                + "\"page_size\"],\"msg\":\"too big\",\"type\":\"less_than_equal\"},{\"loc\":[\"body\",0,\"x\"],"
                + "\"msg\":\"required\",\"type\":\"missing\"}]}")));
        HttpKit kit = HttpKit.builder("notte", URI.create(api.baseUrl()), noRetries()).build();

        TapedeckError error = kit.call(() -> kit.api(TestKits.Api.class).session("s1")).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.InvalidRequest.class, invalid ->
                assertThat(invalid.problems()).containsExactly(
                        new TapedeckError.FieldProblem("query.page_size", "too big"),
                        new TapedeckError.FieldProblem("body.0.x", "required")));
    }

    @org.junit.jupiter.api.Test
    void rateLimitResetHeaderGivesTheWaitWhenNoRetryAfterIsSent() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(json(429, "{}")
                .withHeader("X-RateLimit-Reset", String.valueOf(TestKits.NOW.plusSeconds(42).getEpochSecond()))));
        HttpKit kit = HttpKit.builder("anchor", URI.create(api.baseUrl()), noRetries()).build();

        TapedeckError error = kit.call(() -> kit.api(TestKits.Api.class).session("s1")).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(42)));
    }

    @org.junit.jupiter.api.Test
    void fieldProblemsAfterTheFirstTwoKibibytesOfALongValidationAnswerAreKept() {
        String echo = "x".repeat(3 * HttpFailure.MAX_EXCERPT);
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(json(422, "{\"detail\":[{\"loc\":[\"body\","
                + "\"a\"],\"msg\":\"too long\",\"input\":\"" + echo + "\"},{\"loc\":[\"body\",\"b\"],"
                + "\"msg\":\"required\",\"ctx\":{\"echo\":\"" + echo + "\"}}]}")));
        HttpKit kit = HttpKit.builder("notte", URI.create(api.baseUrl()), noRetries()).build();

        TapedeckError error = kit.call(() -> kit.api(TestKits.Api.class).session("s1")).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.InvalidRequest.class, invalid -> {
            assertThat(invalid.problems()).containsExactly(new TapedeckError.FieldProblem("body.a", "too long"),
                    new TapedeckError.FieldProblem("body.b", "required"));
            assertThat(invalid.message()).contains("body.a: too long; body.b: required");
        });
    }

    @org.junit.jupiter.api.Test
    void aKeyHiddenBehindJsonEscapesIsMaskedInTheExtractedMessageAndProblems() {
        String escaped = TestKits.KEY.replace("-", "\\u002D");
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(json(422, "{\"message\":\"bad key " + escaped
                + "\",\"detail\":[{\"loc\":[\"header\"],\"msg\":\"" + escaped + " is revoked\"}]}")));
        HttpKit kit = HttpKit.builder("anchor", URI.create(api.baseUrl()), noRetries())
                .authHeader("anchor-api-key", Secret.of(TestKits.KEY)).build();

        TapedeckError error = kit.call(() -> kit.api(TestKits.Api.class).session("s1")).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.InvalidRequest.class, invalid -> {
            assertThat(invalid.message()).contains("bad key ****");
            assertThat(invalid.problems()).containsExactly(new TapedeckError.FieldProblem("header", "**** is revoked"));
        });
        assertNoSecretIn(error.message(), error.toString());
    }

    @org.junit.jupiter.api.Test
    void theBareBearerTokenIsMaskedWhereverTheBodyEchoesIt() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(json(500, "{\"message\":\"Invalid API key "
                + TestKits.KEY + "\"}")));
        HttpKit kit = HttpKit.builder("notte", URI.create(api.baseUrl()), noRetries())
                .bearerAuth(Secret.of(TestKits.KEY)).build();

        TapedeckError error = kit.call(() -> kit.api(TestKits.Api.class).session("s1")).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.ProviderFailure.class, failure -> {
            assertThat(failure.message()).contains("Invalid API key ****");
            assertNoSecretIn(failure.message(), failure.excerpt(), failure.toString());
        });
        api.verify(getRequestedFor(urlPathEqualTo("/v1/sessions/s1"))
                .withHeader("Authorization", equalTo("Bearer " + TestKits.KEY)));
    }

    @org.junit.jupiter.api.Test
    void anOriginHeaderIsSentToTheApiOnlyAndItsValueIsNotMasked() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(json(404, "{\"message\":\"no session s1 in "
                + "account acme-corp\"}")));
        api.stubFor(get(urlPathEqualTo("/elsewhere")).willReturn(json(200, "{}")));
        HttpKit kit = HttpKit.builder("kataven", URI.create(api.baseUrl()), noRetries())
                .bearerAuth(Secret.of(TestKits.KEY)).originHeader("X-Account-ID", "acme-corp").build();
        URI otherOrigin = URI.create(api.baseUrl().replace("localhost", "127.0.0.1") + "/elsewhere");

        TapedeckError error = kit.call(() -> kit.api(TestKits.Api.class).session("s1")).getLeft();
        kit.call(() -> kit.api(TestKits.Api.class).absolute(otherOrigin)).get();

        assertThat(error.message()).contains("account acme-corp");
        api.verify(getRequestedFor(urlPathEqualTo("/v1/sessions/s1")).withHeader("X-Account-ID", equalTo("acme-corp")));
        api.verify(getRequestedFor(urlPathEqualTo("/elsewhere")).withoutHeader("X-Account-ID")
                .withoutHeader("Authorization"));
    }

    @org.junit.jupiter.api.Test
    void aSmallRateLimitResetIsSecondsFromNow() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(json(429, "{}")
                .withHeader("X-RateLimit-Reset", "30")));
        HttpKit kit = HttpKit.builder("notte", URI.create(api.baseUrl()), noRetries()).build();

        TapedeckError error = kit.call(() -> kit.api(TestKits.Api.class).session("s1")).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30)));
    }

    private static ProviderConfig noRetries() {
        return config(RetryPolicy.none());
    }

    private static ProviderConfig withRetries() {
        return config(RetryPolicy.defaults().withRandom(() -> 0.5));
    }

    private static ProviderConfig config(RetryPolicy policy) {
        return ProviderConfig.builder().retryPolicy(policy).sleeper(d -> { })
                .clock(Clock.fixed(TestKits.NOW, ZoneOffset.UTC))
                .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Optional.empty()))
                .environment(n -> Optional.empty()).build();
    }

}
