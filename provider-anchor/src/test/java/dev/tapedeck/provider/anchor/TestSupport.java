package dev.tapedeck.provider.anchor;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tapedeck.Connection;
import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.spi.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared test setup: a fixed clock, a sleeper that only records, and a config that ignores the environment. */
final class TestSupport {

    static final String KEY = "ak_test_0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    /** Headers any HTTP client sends by itself; everything else a request carries is ours. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "user-agent", "connection",
            "accept-encoding", "content-length", "content-type");

    private TestSupport() {
    }

    /** Records every wait instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    static ProviderConfig.Builder config(String baseUrl, Sleeper sleeper) {
        return ProviderConfig.builder()
                .apiKey(KEY)
                .baseUrl(URI.create(baseUrl))
                .environment(name -> Optional.empty())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .sleeper(sleeper)
                .retryPolicy(RetryPolicy.defaults().withRandom(() -> 0.0));
    }

    static Connection connect(String baseUrl, Sleeper sleeper) {
        return new AnchorProviderFactory().connect(config(baseUrl, sleeper).build())
                .getOrElseThrow(error -> new AssertionError(error.message()));
    }

    /** The lower-cased names of the headers {@code request} carries beyond what the HTTP client adds itself. */
    static Set<String> ourHeaders(LoggedRequest request) {
        Set<String> names = new TreeSet<>();
        request.getHeaders().keys().forEach(name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!TRANSPORT_HEADERS.contains(lower)) {
                names.add(lower);
            }
        });
        return names;
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
