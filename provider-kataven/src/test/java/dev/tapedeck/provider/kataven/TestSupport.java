package dev.tapedeck.provider.kataven;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.spi.ProviderConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared test setup: a clock tests move by hand, a sleeper that only records, a config without environment. */
final class TestSupport {

    static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl";
    static final String LIVE_KEY = "sk_live_acme_0123456789abcdef";
    static final String ACCOUNT = "acme-voice_01";
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    /** Headers any HTTP client sends by itself; everything else a request carries is ours. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "user-agent", "accept", "connection",
            "accept-encoding", "content-length", "content-type", "range", "if-range");

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

    /** A clock that stands still until a test moves it. */
    static final class ManualClock extends Clock {
        private volatile Instant now = NOW;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A JWT-key config with an account id, against {@code baseUrl}. */
    static ProviderConfig.Builder config(String baseUrl, Clock clock, Sleeper sleeper) {
        return ProviderConfig.builder()
                .apiKey(JWT)
                .setting("account_id", ACCOUNT)
                .baseUrl(URI.create(baseUrl))
                .environment(name -> Optional.empty())
                .clock(clock)
                .sleeper(sleeper)
                .retryPolicy(RetryPolicy.defaults().withRandom(() -> 0.0));
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
}
