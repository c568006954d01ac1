package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A short text answer (an HLS playlist an API serves) is read whole up to its limit, and a refusal mapped. */
class ShortTextTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<java.time.Duration> sleeps = new ArrayList<>();

    private Either<TapedeckError, String> text(String id, int maxBytes) {
        try (HttpKit kit = TestKits.kit(api.baseUrl(), sleeps::add).build()) {
            TestKits.Api client = kit.api(TestKits.Api.class);
            return kit.text(() -> client.recording(id), maxBytes);
        }
    }

    @Test
    void theTextIsReadWholeAsUtf8() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1/recording")).willReturn(aResponse()
                .withHeader("Content-Type", "application/vnd.apple.mpegurl").withBody("#EXTM3U\n# café\n")));

        assertThat(text("s1", 64).get()).isEqualTo("#EXTM3U\n# café\n");
    }

    @Test
    void aLongerAnswerIsRefusedNamingTheLimitAndARefusalIsMapped() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1/recording")).willReturn(aResponse().withBody("x".repeat(65))));
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s2/recording")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"no such session\"}")));

        TapedeckError tooLong = text("s1", 64).getLeft();
        TapedeckError missing = text("s2", 64).getLeft();

        assertThat(tooLong).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(tooLong.message()).contains("more than 64 bytes");
        assertThat(missing).isInstanceOf(TapedeckError.NotFound.class);
        assertThat(missing.message()).contains("no such session").doesNotContain(TestKits.KEY);
    }
}
