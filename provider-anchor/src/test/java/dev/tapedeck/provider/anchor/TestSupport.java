package dev.tapedeck.provider.anchor;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tapedeck.Connection;
import dev.tapedeck.kit.RequestHeaders;
import dev.tapedeck.kit.TestConfigs;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.spi.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** What Anchor's WireMock tests share: the key, a fixed clock, connections, the headers sent, the test resources. */
final class TestSupport {

    static final String KEY = "ak_test_0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    private TestSupport() {
    }

    static ProviderConfig.Builder config(String baseUrl, Sleeper sleeper) {
        return TestConfigs.at(URI.create(baseUrl), KEY, Clock.fixed(NOW, ZoneOffset.UTC), sleeper);
    }

    static Connection connect(String baseUrl, Sleeper sleeper) {
        return new AnchorProviderFactory().connect(config(baseUrl, sleeper).build())
                .getOrElseThrow(error -> new AssertionError(error.message()));
    }

    /** The lower-cased names of the headers {@code request} carries beyond what the HTTP client adds itself. */
    static Set<String> ourHeaders(LoggedRequest request) {
        return RequestHeaders.chosen(request.getHeaders().keys());
    }

    /** A test resource as text. */
    static String resource(String name) {
        try (InputStream in = TestSupport.class.getResourceAsStream("/anchor/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
