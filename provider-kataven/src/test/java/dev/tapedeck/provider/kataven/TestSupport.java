package dev.tapedeck.provider.kataven;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tapedeck.kit.RequestHeaders;
import dev.tapedeck.kit.TestConfigs;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.spi.ProviderConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** What Kataven's WireMock tests share: a token key with its account, a live key, the configuration, the headers. */
final class TestSupport {

    static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl";
    static final String LIVE_KEY = "sk_live_acme_0123456789abcdef";
    static final String ACCOUNT = "acme-voice_01";
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private TestSupport() {
    }

    /** A JWT-key config with an account id, against {@code baseUrl}. */
    static ProviderConfig.Builder config(String baseUrl, Clock clock, Sleeper sleeper) {
        return TestConfigs.at(URI.create(baseUrl), JWT, clock, sleeper).setting("account_id", ACCOUNT);
    }

    /** The lower-cased names of the headers {@code request} carries beyond the client's own and range headers. */
    static Set<String> ourHeaders(LoggedRequest request) {
        return RequestHeaders.chosen(request.getHeaders().keys(), "accept", "range", "if-range");
    }
}
