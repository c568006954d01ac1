package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.model.TapedeckError;
import io.vavr.control.Either;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API client: one encoded segment per path parameter, auth only to its own origin, no redirects. */
class ApiClientTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final TestKits.RecordingSleeper sleeper = new TestKits.RecordingSleeper();

    private HttpKit kit() {
        return TestKits.kit(api.baseUrl(), sleeper).header("User-Agent", "tapedeck-test").build();
    }

    @Test
    void aPathParameterWithSlashesDotsSpacesQueryHashAndUnicodeTravelsAsOneEncodedSegment() {
        api.stubFor(get(urlEqualTo("/v1/sessions/a%2F..%2Fb%20c%3Fd%23e%C3%BC")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"weird\"}")));
        HttpKit kit = kit();

        Either<TapedeckError, Map<String, Object>> result =
                kit.call(() -> kit.api(TestKits.Api.class).session("a/../b c?d#eü"));

        assertThat(result.get()).containsEntry("id", "weird");
        assertThat(api.getAllServeEvents()).singleElement()
                .satisfies(e -> assertThat(e.getRequest().getUrl()).isEqualTo("/v1/sessions/a%2F..%2Fb%20c%3Fd%23e%C3%BC"));
    }

    @Test
    void sendsAuthAndFixedHeadersToItsOwnOrigin() {
        api.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        HttpKit kit = kit();

        kit.call(() -> kit.api(TestKits.Api.class).session("s1")).get();

        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/sessions/s1"))
                .withHeader("anchor-api-key", equalTo(TestKits.KEY))
                .withHeader("User-Agent", equalTo("tapedeck-test")));
    }

    @Test
    void neverSendsAuthToAnotherOriginEvenThroughAnAbsoluteUri() {
        other.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        HttpKit kit = kit();

        kit.call(() -> kit.api(TestKits.Api.class).absolute(URI.create(other.baseUrl() + "/x?sig=1"))).get();

        other.verify(1, getRequestedFor(urlPathEqualTo("/x")).withHeader("anchor-api-key", absent()));
    }

    @Test
    void sameHostOnAnotherPortIsAnotherOrigin() {
        assertThat(Origin.of(URI.create("http://localhost:8080/a")))
                .isNotEqualTo(Origin.of(URI.create("http://localhost:8081/a")));
        assertThat(Origin.of(URI.create("https://API.example.com/a")))
                .isEqualTo(Origin.of(URI.create("https://api.example.com:443/b")));
    }

    @Test
    void aRedirectToAnotherOriginIsReturnedAsAnErrorAndNeverFollowed() {
        api.stubFor(get(urlPathEqualTo("/v1/sessions/s1")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", other.baseUrl() + "/steal?X-Amz-Signature=abcdef123456")));
        other.stubFor(get(anyUrl()).willReturn(aResponse().withBody("{}")));
        HttpKit kit = kit();

        Either<TapedeckError, Map<String, Object>> result =
                kit.call(() -> kit.api(TestKits.Api.class).session("s1"));

        assertThat(result.getLeft()).isInstanceOfSatisfying(TapedeckError.ProviderFailure.class, failure -> {
            assertThat(failure.status()).isEqualTo(302);
            assertThat(failure.message()).contains("never follow").doesNotContain("abcdef123456");
        });
        other.verify(0, anyRequestedFor(anyUrl()));
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/sessions/s1")));
    }

    @Test
    void theBaseUrlMustPassTheUrlPolicy() {
        assertThatThrownBy(() -> HttpKit.builder("anchor", URI.create("http://api.example.com"),
                TestKits.config(sleeper, java.util.Optional.empty())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @Test
    void aClosedKitMakesNoMoreClients() {
        HttpKit kit = kit();
        kit.close();

        assertThatThrownBy(() -> kit.api(TestKits.Api.class)).isInstanceOf(IllegalStateException.class);
    }
}
