package dev.tapedeck.provider.notte;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tapedeck.kit.RequestHeaders;
import dev.tapedeck.kit.TestConfigs;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.spi.ProviderConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** What Notte's WireMock tests share: the key, a fixed clock, the configuration, the headers sent. */
final class TestSupport {

    static final String KEY = "nk_test_abcdef123456";
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private TestSupport() {
    }

    /** The lower-cased names of the headers {@code request} carries beyond the client's own and {@code Accept}. */
    static Set<String> ourHeaders(LoggedRequest request) {
        return RequestHeaders.chosen(request.getHeaders().keys(), "accept");
    }

    static ProviderConfig.Builder config(String baseUrl, Sleeper sleeper) {
        return TestConfigs.at(URI.create(baseUrl), KEY, Clock.fixed(NOW, ZoneOffset.UTC), sleeper);
    }
}
