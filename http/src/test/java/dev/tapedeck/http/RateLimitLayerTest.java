package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.MediaStream;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.SpiVersion;
import dev.tapedeck.kit.fakes.RecordingSleeper;
import dev.tapedeck.retry.RateLimit;
import dev.tapedeck.sandbox.ManualClock;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitLayerTest {

    private static final ProviderMetadata DECLARING = ProviderMetadata.builder("anchor", "Anchor", SpiVersion.CURRENT)
            .documentation("https://docs.example.com").defaultBaseUrl("https://api.example.com")
            .rateLimit(RateLimit.of(2, Duration.ofMinutes(1))).build();

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension cdn = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void answers() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"s1\"}")));
        cdn.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withStatus(200).withBody("mp4")));
    }

    private HttpKit declaring(ProviderConfig config) {
        return HttpKit.builder(DECLARING, URI.create(api.baseUrl()), config)
                .authHeader("anchor-api-key", Secret.of(TestKits.KEY)).build();
    }

    private static void session(HttpKit kit) {
        assertThat(kit.call(() -> kit.api(TestKits.Api.class).session("s1")).isRight()).isTrue();
    }

    @Test
    void theDeclaredLimitHoldsTheCallBeyondItUntilTheWindowHasRoom() {
        HttpKit kit = declaring(TestKits.config(sleeper, Optional.of(Duration.ofMinutes(5))));

        session(kit);
        session(kit);
        assertThat(sleeper.sleeps()).isEmpty();
        session(kit);

        assertThat(kit.rateLimit()).hasToString("2/1m");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMinutes(1));
        api.verify(3, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
    }

    @Test
    void theConfigOverridesTheDeclaredLimitAndAKitWithoutMetadataHasNone() {
        ProviderConfig unlimited = TestKits.configBuilder(sleeper, Optional.empty()).rateLimit(RateLimit.unlimited())
                .build();
        HttpKit kit = declaring(unlimited);
        HttpKit plain = TestKits.kit(api.baseUrl(), sleeper).build();

        for (int i = 0; i < 5; i++) {
            session(kit);
            session(plain);
        }

        assertThat(kit.rateLimit()).isEqualTo(RateLimit.unlimited());
        assertThat(plain.rateLimit()).isEqualTo(RateLimit.unlimited());
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aRetryIsARequestAndTakesItsOwnPermit() {
        TestKits.onceThenOk(api, "/v1/sessions/s2", 503, "X-Unused", "1", "{\"id\":\"s2\"}");
        HttpKit kit = declaring(TestKits.config(sleeper, Optional.of(Duration.ofMinutes(5))));

        assertThat(kit.call(() -> kit.api(TestKits.Api.class).session("s2")).isRight()).isTrue();
        session(kit);

        // the backoff of the retry, then the third request's wait for the window
        assertThat(sleeper.sleeps()).hasSize(2).endsWith(Duration.ofMinutes(1));
    }

    @Test
    void downloadsFromOtherOriginsAreNotCounted() throws Exception {
        HttpKit kit = declaring(TestKits.configBuilder(sleeper, Optional.empty()).allowPrivateAddresses(true).build());

        for (int i = 0; i < 5; i++) {
            try (MediaStream stream = kit.media().open(URI.create(cdn.baseUrl() + "/rec.mp4"), 0, Optional.empty())
                    .get()) {
                assertThat(stream.body().readAllBytes()).hasSize(3);
            }
        }
        session(kit);
        session(kit);

        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void theWaitForAPermitDoesNotCountAgainstTheOverallTimeout() {
        ManualClock clock = new ManualClock(TestKits.NOW);
        List<Duration> sleeps = new ArrayList<>();
        ProviderConfig config = TestKits.configBuilder(duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        }, Optional.of(Duration.ofSeconds(5))).clock(clock).build();
        TestKits.onceThenOk(api, "/v1/sessions/s3", 503, "Retry-After", "2", "{\"id\":\"s3\"}");
        HttpKit kit = declaring(config);
        session(kit);
        session(kit);

        // waits a minute for the window, then 2 s and jitter for the retry: only those count against the 5 s
        assertThat(kit.call(() -> kit.api(TestKits.Api.class).session("s3")).isRight()).isTrue();

        assertThat(sleeps).hasSize(2).startsWith(Duration.ofMinutes(1));
        assertThat(sleeps.get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3)); // Retry-After and jitter
    }
}
