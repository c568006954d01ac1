package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Secret;
import dev.tapedeck.spi.Timeouts;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Shared test fixtures: a fixed clock, a kit with an API key. */
final class TestKits {

    static final String KEY = "sk-live-SECRETKEY-1234567890";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private TestKits() {
    }

    /** The Feign interface the tests call. */
    interface Api {
        @RequestLine("GET /v1/sessions/{id}")
        Map<String, Object> session(@Param("id") String id);

        @RequestLine("POST /v1/sessions")
        @Headers("Content-Type: application/json")
        Map<String, Object> create(Map<String, Object> body);

        @RequestLine("POST /v1/sessions/{id}/pause")
        void pause(@Param("id") String id);

        @RequestLine("GET")
        Map<String, Object> absolute(URI uri);

        @RequestLine("GET /v1/sessions/{id}/recording")
        Response recording(@Param("id") String id);

        @RequestLine("GET /v1/sessions/{id}/recording")
        @Headers("Range: bytes={offset}-")
        Response recordingFrom(@Param("id") String id, @Param("offset") long offset);
    }

    /**
     * Retries with jitter draw 0.5, {@code sleeper}, a clock fixed at {@link #NOW}, read-idle 10 s: long enough that
     * a loaded machine's slow first answer is never taken for a stall (tests of stalls set their own, shorter one).
     */
    static ProviderConfig.Builder configBuilder(Sleeper sleeper, Optional<Duration> overall) {
        return ProviderConfig.builder()
                .retryPolicy(RetryPolicy.defaults().withRandom(() -> 0.5))
                .sleeper(sleeper)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .timeouts(new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), overall))
                .environment(name -> Optional.empty());
    }

    static ProviderConfig config(Sleeper sleeper, Optional<Duration> overall) {
        return configBuilder(sleeper, overall).build();
    }

    static HttpKit.Builder kit(String baseUrl, Sleeper sleeper) {
        return kit(baseUrl, config(sleeper, Optional.of(Duration.ofMinutes(5))));
    }

    static HttpKit.Builder kit(String baseUrl, ProviderConfig config) {
        return HttpKit.builder("anchor", URI.create(baseUrl), config).authHeader("anchor-api-key", Secret.of(KEY));
    }

    /**
     * {@code path} on {@code server} answers {@code status} with the header {@code name: value} once, then 200 with
     * {@code okBody} for good.
     */
    static void onceThenOk(WireMockExtension server, String path, int status, String name, String value,
            String okBody) {
        server.stubFor(get(urlPathEqualTo(path)).inScenario("once " + path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(status).withHeader(name, value).withBody("{\"message\":\"busy\"}"))
                .willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo(path)).inScenario("once " + path).whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(okBody)));
    }
}
