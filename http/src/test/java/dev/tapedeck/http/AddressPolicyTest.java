package dev.tapedeck.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapedeck.kit.fakes.RecordingSleeper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tapedeck.MediaStream;
import dev.tapedeck.model.TapedeckError;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a provider's answer may send downloads: public https, unless the base URL or the user allows more. */
class AddressPolicyTest {

    @RegisterExtension
    static WireMockExtension local = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Stands in for DNS: names of the tests' make-believe hosts and their addresses. */
    private static final Map<String, String> DNS = Map.of(
            "api.provider.example", "93.184.216.34",
            "cdn.provider.example", "93.184.216.35",
            "intranet.example", "10.1.2.3",
            "metadata.example", "169.254.169.254",
            "split.example", "93.184.216.36,192.168.1.20",
            "v6private.example", "fd12:3456:789a::1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        String[] each = addresses.split(",");
        InetAddress[] out = new InetAddress[each.length];
        for (int i = 0; i < each.length; i++) {
            out[i] = InetAddress.getByName(each[i]);
        }
        return out;
    }

    private static AddressPolicy withBase(String baseUrl, boolean allowPrivate) {
        return new AddressPolicy("anchor", URI.create(baseUrl), allowPrivate, AddressPolicyTest::resolve);
    }

    private static AddressPolicy publicBase(boolean allowPrivate) {
        return withBase("https://api.provider.example/v1", allowPrivate);
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, LOOPBACK", "127.200.0.9, LOOPBACK", "[::1], LOOPBACK", "localhost, LOOPBACK",
            "LOCALHOST., LOOPBACK", "api.localhost, LOOPBACK", "[::ffff:127.0.0.1], LOOPBACK",
            "[::127.0.0.1], LOOPBACK", "[64:ff9b::7f00:1], LOOPBACK", "[2002:7f00:1::], LOOPBACK",
            "0.0.0.0, THIS_MACHINE", "[::], THIS_MACHINE",
            "169.254.169.254, LINK_LOCAL", "[fe80::1], LINK_LOCAL", "metadata.example, LINK_LOCAL",
            "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.0.10, PRIVATE",
            "100.64.0.1, PRIVATE", "[fd00::1], PRIVATE", "[fc00::1], PRIVATE", "[::ffff:10.0.0.1], PRIVATE",
            "intranet.example, PRIVATE", "v6private.example, PRIVATE",
            "224.0.0.1, SPECIAL", "255.255.255.255, SPECIAL", "[ff02::1], SPECIAL",
            "93.184.216.34, PUBLIC", "172.32.0.1, PUBLIC", "[2606:4700::1111], PUBLIC", "cdn.provider.example, PUBLIC"})
    void everyKindOfAddressIsRecognised(String host, AddressPolicy.Kind kind) throws Exception {
        assertThat(publicBase(false).kinds(host)).containsExactly(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/admin?token=abc", "https://127.0.0.1/x", "https://localhost/x",
            "https://[::1]/x", "https://[::ffff:127.0.0.1]/x", "https://0.0.0.0/x", "https://169.254.169.254/latest",
            "https://10.0.0.5/x", "https://intranet.example/x", "https://split.example/x", "https://[fd00::1]/x",
            "https://[fe80::1]/x", "http://cdn.provider.example/x", "https://224.0.0.1/x", "ftp://cdn.provider.example/x",
            "https://user:pw@cdn.provider.example/x"})
    void aPublicHttpsProviderCannotSendDownloadsToPlainHttpOrNonPublicAddresses(String url) throws Exception {
        String refusal = publicBase(false).check(URI.create(url)).getLeft();

        assertThat(refusal).startsWith("anchor: refusing to fetch").doesNotContain("token=abc")
                .doesNotContain("pw@").doesNotContain("\n");
        String host = URI.create(url).getHost();
        if (!url.startsWith("ftp") && !url.contains("@")) {
            assertThat(refusal).contains(host);
        }
    }

    @Test
    void publicHttpsIsFetched() throws Exception {
        assertThat(publicBase(false).check(URI.create("https://cdn.provider.example/rec.mp4?sig=1")).isRight()).isTrue();
    }

    @Test
    void theUserMayAllowPrivateAddressesOverHttpsAndPlainHttp() throws Exception {
        AddressPolicy allowing = publicBase(true);

        for (String url : new String[] {"http://127.0.0.1:9000/a", "https://10.0.0.5/a", "http://intranet.example/a",
                "https://169.254.169.254/a"}) {
            assertThat(allowing.check(URI.create(url)).isRight()).as(url).isTrue();
        }
        assertThat(allowing.check(URI.create("http://cdn.provider.example/a")).getLeft()).contains("plain http");
    }

    @Test
    void aBaseUrlOnLoopbackAllowsLoopbackOverPlainHttpAndNothingElseNonPublic() throws Exception {
        AddressPolicy sandbox = withBase("http://127.0.0.1:8080/anchor", false);

        assertThat(sandbox.check(URI.create("http://127.0.0.1:9000/media")).isRight()).isTrue();
        assertThat(sandbox.check(URI.create("http://localhost:9000/media")).isRight()).isTrue();
        assertThat(sandbox.check(URI.create("http://10.0.0.5/media")).getLeft()).contains("10.0.0.5 is a private address");
        assertThat(sandbox.check(URI.create("http://cdn.provider.example/media")).getLeft())
                .contains("plain http is allowed only to loopback addresses");
    }

    @Test
    void aBaseUrlOnAPrivateNetworkAllowsThatNetworksAddresses() throws Exception {
        AddressPolicy intranet = withBase("https://intranet.example", false);

        assertThat(intranet.check(URI.create("https://10.9.9.9/media")).isRight()).isTrue();
        assertThat(intranet.check(URI.create("https://127.0.0.1/media")).isLeft()).isTrue();
    }

    @Test
    void anHttpsHostThatDoesNotResolveIsANetworkErrorNotARefusal() {
        assertThatThrownBy(() -> publicBase(false)
                .check(URI.create("https://nowhere.example/x"))).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void anHttpsProviderPointingADownloadAtAPlainHttpServiceOnThisMachineIsRefusedBeforeAnyRequest() {
        local.stubFor(get(urlPathEqualTo("/admin")).willReturn(aResponse().withBody("internal secrets")));
        // a real base URL on a public name; nothing is sent to it here
        HttpKit kit = TestKits.kit("https://api.provider.example", new RecordingSleeper()).build();

        TapedeckError error = kit.media().open(URI.create("http://127.0.0.1:" + local.getPort() + "/admin?token=abc"),
                0, Optional.empty()).getLeft();

        assertThat(error).isInstanceOfSatisfying(TapedeckError.ProviderFailure.class, failure -> {
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.message()).contains("refusing to fetch").contains("127.0.0.1")
                    .contains("the provider sent this URL").doesNotContain("token=abc");
        });
        local.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRedirectHopToAPrivateAddressIsRefusedLikeTheFirstUrl() {
        local.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://10.0.0.7/internal.mp4")));
        HttpKit kit = TestKits.kit(local.baseUrl(), new RecordingSleeper()).build();

        TapedeckError error = kit.media().open(URI.create(local.baseUrl() + "/rec.mp4"), 0, Optional.empty())
                .getLeft();

        assertThat(error).isInstanceOf(TapedeckError.ProviderFailure.class);
        assertThat(error.message()).contains("10.0.0.7 is a private address").contains("redirected there (HTTP 302)");
    }

    @Test
    void withPrivateAddressesAllowedAPublicProvidersLoopbackLinkIsFetched() throws Exception {
        local.stubFor(get(urlPathEqualTo("/rec.mp4")).willReturn(aResponse().withBody("video")));
        HttpKit kit = TestKits.kit("https://api.provider.example", TestKits.configBuilder(
                new RecordingSleeper(), Optional.of(Duration.ofMinutes(5))).allowPrivateAddresses(true).build())
                .build();

        try (MediaStream stream = kit.media().open(URI.create(local.baseUrl() + "/rec.mp4"), 0, Optional.empty()).get()) {
            assertThat(new String(stream.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("video");
        }
    }

    @Test
    void aNameResolvingToAnyPrivateAddressIsRefusedThroughTheKit() {
        HttpKit kit = TestKits.kit("https://api.provider.example", new RecordingSleeper())
                .resolver(AddressPolicyTest::resolve).build();

        TapedeckError error = kit.media().open(URI.create("https://split.example/rec.mp4"), 0, Optional.empty())
                .getLeft();

        assertThat(error.message()).contains("split.example is a private address");
    }
}
