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

import dev.tapedeck.kit.fakes.RecordingSleeper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tapedeck.model.TapedeckError;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.vavr.control.Either;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API client: one encoded segment per path parameter, auth only to its own origin, no redirects. */
class ApiClientTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();

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

    @ParameterizedTest(name = "path parameter [{0}] travels as segment [{1}]")
    @CsvSource(delimiter = '|', value = {
            "50%2Fx|50%252Fx",
            "%2e%2e|%252e%252e",
            "a%20b|a%2520b",
            "a/b|a%2Fb",
            "../admin|..%2Fadmin",
            "x/../../v2|x%2F..%2F..%2Fv2",
            "my session|my%20session",
            "sess-ü-日本|sess-%C3%BC-%E6%97%A5%E6%9C%AC",
            "a;b,c+d|a%3Bb%2Cc%2Bd",
            "..|%2E%2E",
            ".|%2E",
            "...|%2E%2E%2E",
            "a..b|a..b"})
    void aPathParameterIsEncodedFullyEvenWhenItLooksEncodedAlready(String id, String segment) {
        api.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        HttpKit kit = kit();

        kit.call(() -> kit.api(TestKits.Api.class).session(id)).get();

        assertThat(api.getAllServeEvents()).singleElement()
                .satisfies(e -> assertThat(e.getRequest().getUrl()).isEqualTo("/v1/sessions/" + segment));
    }

    @Test
    void controlCharactersAndDotsOnlyAreEncodedSoTheSegmentStaysOneAndIsNeverADotSegment() {
        // The wire test above cannot carry a NUL: the test server refuses it before any stub sees it.
        assertThat(PathSegmentContract.segment("a\u0000\u001b[2J")).isEqualTo("a%00%1B%5B2J");
        assertThat(PathSegmentContract.segment("..")).isEqualTo("%2E%2E");
        assertThat(PathSegmentContract.segment(".x.")).isEqualTo(".x.");
    }

    /** A method mixing a path parameter with a declared expander, a query template and a header template. */
    interface Mixed {
        @RequestLine("GET /v1/{kind}/{id}?page={page}&q={q}")
        @Headers("X-Trace: {trace}")
        Map<String, Object> find(@Param(value = "kind", expander = Upper.class) String kind, @Param("id") String id,
                @Param("page") int page, @Param("q") String q, @Param("trace") String trace);
    }

    /** Upper-cases; public with a public constructor, as Feign requires of an expander. */
    public static final class Upper implements Param.Expander {
        /** Needed by Feign's reflective construction. */
        public Upper() {
        }

        @Override
        public String expand(Object value) {
            return String.valueOf(value).toUpperCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void onlyPathParametersWithoutTheirOwnExpanderAreEncodedAsSegments() {
        api.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        HttpKit kit = kit();

        kit.call(() -> kit.api(Mixed.class).find("a/b", "c%2Fd", 2, "x y", "t-1")).get();

        LoggedRequest request = api.getAllServeEvents().get(0).getRequest();
        assertThat(request.getUrl()).isEqualTo("/v1/A%2FB/c%252Fd?page=2&q=x%20y");
        assertThat(request.getHeader("X-Trace")).isEqualTo("t-1");
    }

    @Test
    void theContractFindsVariablesOnlyInThePath() {
        assertThat(PathSegmentContract.pathVariables("/v1/{a}/x/{b:[0-9]+}/{+c}?page={page}")).containsOnly("a", "b",
                "c");
        assertThat(PathSegmentContract.pathVariables("/sessions?only_active={only_active}")).isEmpty();
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
