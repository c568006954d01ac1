package dev.tapedeck.kit;

import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.retry.Sleeper;
import dev.tapedeck.spi.ProviderConfig;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/** Configurations for tests, whose every wait is exact and which nothing on the machine can change. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /**
     * A configuration with {@code apiKey} against {@code baseUrl} that ignores the process environment, reads time
     * from {@code clock}, waits through {@code sleeper}, and retries without jitter: 0.5 s, then 1 s, or exactly what
     * Retry-After asks.
     */
    public static ProviderConfig.Builder at(URI baseUrl, String apiKey, Clock clock, Sleeper sleeper) {
        return ProviderConfig.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .environment(name -> Optional.empty())
                .clock(clock)
                .sleeper(sleeper)
                .retryPolicy(RetryPolicy.defaults().withRandom(() -> 0.0));
    }
}
