package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.MediaStream;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.observe.TapedeckObserver;
import dev.tapedeck.retry.RetryBudget;
import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.retry.TokenBucket;
import feign.Client;
import feign.Request;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A public https link must never lead the fetcher to plain http on this machine. */
class MediaRedirectSchemeTest {

    @RegisterExtension
    static WireMockExtension secure = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();

    @RegisterExtension
    static WireMockExtension local = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The kit's fetcher over a client that trusts WireMock's self-signed certificate. */
    private static MediaFetcher fetcher() throws Exception {
        X509TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        Client client = new Client.Default(tls.getSocketFactory(), (host, session) -> true, true);
        // the base URL is on loopback, as a sandbox's is: loopback media and plain http to it are allowed
        return new MediaFetcher("notte", client, new Request.Options(2, TimeUnit.SECONDS, 2, TimeUnit.SECONDS, false),
                Redactor.of(List.of()), new Retries("notte", RetryPolicy.none(), new TokenBucket(RetryBudget.defaults()),
                        Sleeper.system(), Clock.systemUTC()),
                new AddressPolicy("notte", URI.create("http://127.0.0.1:1"), false, InetAddress::getAllByName),
                () -> false, new Tracing("notte", new WireLog("notte", Redactor.of(List.of()), List.of(), 0),
                        TapedeckObserver.NONE, new TransportErrors("notte", Redactor.of(List.of()))));
    }

    private static URI https(String path) {
        return URI.create(secure.getRuntimeInfo().getHttpsBaseUrl() + path);
    }

    @Test
    void anHttpsLinkRedirectingToPlainHttpOnLoopbackIsRefusedBeforeAnyRequestGoesThere() throws Exception {
        secure.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + local.getPort() + "/admin?token=abc")));
        local.stubFor(get(urlPathEqualTo("/admin")).willReturn(aResponse().withBody("internal")));

        TapedeckError error = fetcher().open(https("/rec.mp4?X-Amz-Signature=sig"), 0, Optional.empty()).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.ProviderFailure.class, failure -> {
            assertThat(failure.status()).isEqualTo(302);
            assertThat(failure.message()).contains("from https to plain http").doesNotContain("token=abc")
                    .doesNotContain("X-Amz-Signature=sig");
        });
        local.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anHttpsLinkRedirectingToHttpsIsFollowed() throws Exception {
        secure.stubFor(get(urlPathEqualTo("/a.mp4")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", https("/b.mp4").toString())));
        secure.stubFor(get(urlPathEqualTo("/b.mp4")).willReturn(aResponse().withBody("video")));

        try (MediaStream stream = fetcher().open(https("/a.mp4"), 0, Optional.empty()).get()) {
            assertThat(new String(stream.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("video");
        }
    }
}
