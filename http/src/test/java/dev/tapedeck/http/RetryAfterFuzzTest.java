package dev.tapedeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kit's reading of wait headers (Retry-After, retry-after-ms, X-RateLimit-Reset) never throws. */
class RetryAfterFuzzTest {

    @Test
    void waitHeadersNeverBreakTheMappingOrThePolicy() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String alphabet = "0123456789.,:- +eEGMTSunMonDecJan";
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        for (int i = 0; i < 5_000; i++) {
            String value = randomText(random, alphabet);
            String name = List.of("Retry-After", "retry-after-ms", "X-RateLimit-Reset").get(random.nextInt(3));
            HttpFailure failure = new HttpFailure("anchor", "GET", "/x", 429, Map.of(name, List.of(value)), value);
            try {
                TapedeckError error = StandardErrors.map(failure, clock);
                assertThat(error).isInstanceOf(TapedeckError.RateLimited.class);
                RetryPolicy.retryAfter(failure::header, clock.instant());
                RetryPolicy.defaults().decide(dev.tapedeck.retry.Attempt.response(0, true, 429,
                        failure::header, clock.instant()));
            } catch (RuntimeException | AssertionError broken) {
                throw new AssertionError("seed " + seed + ", " + name + ": '" + value + "'", broken);
            }
        }
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(30);
        for (int j = 0; j < length; j++) {
            text.append(random.nextInt(5) == 0 ? (char) random.nextInt(0x2000) : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
