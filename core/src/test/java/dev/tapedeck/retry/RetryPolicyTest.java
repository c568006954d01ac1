package dev.tapedeck.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Function<String, Optional<String>> NO_HEADERS = name -> Optional.empty();

    private static Function<String, Optional<String>> headers(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    private static RetryPolicy withJitterDraw(double u) {
        return RetryPolicy.defaults().withRandom(() -> u);
    }

    @Test
    void backoffDoublesFromHalfASecondAndCapsAtEightSecondsWithoutJitter() {
        RetryPolicy policy = withJitterDraw(0.0);
        assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(2, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(5, 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoff(6, 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoff(60, 0.0)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void jitterTakesOffAtMostAQuarterOfTheBackoff() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(437).plusNanos(500_000));
        assertThat(policy.backoff(1, 0.999_999)).isGreaterThan(Duration.ofMillis(375));
        Random random = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            int retry = 1 + random.nextInt(8);
            Duration delay = policy.backoff(retry, random.nextDouble());
            Duration base = policy.backoff(retry, 0.0);
            assertThat(delay).isLessThanOrEqualTo(base).isGreaterThanOrEqualTo(base.multipliedBy(3).dividedBy(4));
        }
    }

    @Test
    void retriesA503TwiceThenGivesUp() {
        RetryPolicy policy = withJitterDraw(0.0);
        assertThat(policy.decide(Attempt.response(0, true, 503, NO_HEADERS, NOW)))
                .isEqualTo(new RetryDecision.Retry(Duration.ofMillis(500)));
        assertThat(policy.decide(Attempt.response(1, true, 503, NO_HEADERS, NOW)))
                .isEqualTo(new RetryDecision.Retry(Duration.ofSeconds(1)));
        assertThat(policy.decide(Attempt.response(2, true, 503, NO_HEADERS, NOW)))
                .isInstanceOf(RetryDecision.GiveUp.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504, 529})
    void retryableStatuses(int status) {
        assertThat(withJitterDraw(0.0).decide(Attempt.response(0, true, status, NO_HEADERS, NOW)))
                .isInstanceOf(RetryDecision.Retry.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 301, 302})
    void statusesThatAreNeverRetried(int status) {
        assertThat(withJitterDraw(0.0).decide(Attempt.response(0, true, status, NO_HEADERS, NOW)))
                .isInstanceOf(RetryDecision.GiveUp.class);
    }

    @Test
    void retryAfterInSecondsIsHonouredPlusAtMostTenPercent() {
        Function<String, Optional<String>> h = headers(Map.of("retry-after", "3"));
        assertThat(withJitterDraw(0.0).decide(Attempt.response(0, true, 429, h, NOW)))
                .isEqualTo(new RetryDecision.Retry(Duration.ofSeconds(3)));
        assertThat(withJitterDraw(0.5).decide(Attempt.response(0, true, 429, h, NOW)))
                .isEqualTo(new RetryDecision.Retry(Duration.ofMillis(3_150)));
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredFromTheClock() {
        Function<String, Optional<String>> h = headers(Map.of("retry-after", "Sun, 22 Nov 2026 10:00:07 GMT"));
        assertThat(withJitterDraw(0.0).decide(Attempt.response(0, true, 503, h, NOW)))
                .isEqualTo(new RetryDecision.Retry(Duration.ofSeconds(7)));
    }

    @Test
    void anHttpDateInThePastMeansRetryAtOnce() {
        Function<String, Optional<String>> h = headers(Map.of("retry-after", "Sun, 22 Nov 2026 09:00:00 GMT"));
        assertThat(RetryPolicy.retryAfter(h, NOW)).contains(Duration.ZERO);
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        Function<String, Optional<String>> h = headers(Map.of("retry-after-ms", "250", "retry-after", "30"));
        assertThat(withJitterDraw(0.0).decide(Attempt.response(0, true, 429, h, NOW)))
                .isEqualTo(new RetryDecision.Retry(Duration.ofMillis(250)));
    }

    @Test
    void fractionalRetryAfterSecondsAreRead() {
        assertThat(RetryPolicy.retryAfter(headers(Map.of("retry-after", "1.5")), NOW)).contains(Duration.ofMillis(1_500));
    }

    @Test
    void unparseableRetryAfterFallsBackToBackoff() {
        Function<String, Optional<String>> h = headers(Map.of("retry-after", "soon"));
        assertThat(withJitterDraw(0.0).decide(Attempt.response(0, true, 429, h, NOW)))
                .isEqualTo(new RetryDecision.Retry(Duration.ofMillis(500)));
    }

    @Test
    void aServerWaitAboveTheCapFailsFastCarryingTheWait() {
        Function<String, Optional<String>> h = headers(Map.of("retry-after", "61"));
        assertThat(withJitterDraw(0.0).decide(Attempt.response(0, true, 429, h, NOW)))
                .isEqualTo(new RetryDecision.WaitTooLong(Duration.ofSeconds(61)));
        Function<String, Optional<String>> atCap = headers(Map.of("retry-after", "60"));
        assertThat(withJitterDraw(0.0).decide(Attempt.response(0, true, 429, atCap, NOW)))
                .isEqualTo(new RetryDecision.Retry(Duration.ofSeconds(60)));
    }

    @Test
    void aNonIdempotentCallIsNotRetriedOnceItsRequestWasSent() {
        RetryPolicy policy = withJitterDraw(0.0);
        assertThat(policy.decide(Attempt.response(0, false, 503, NO_HEADERS, NOW)))
                .isInstanceOf(RetryDecision.GiveUp.class);
        assertThat(policy.decide(Attempt.connectionFailure(0, false, true)))
                .isInstanceOf(RetryDecision.GiveUp.class);
        assertThat(policy.decide(Attempt.connectionFailure(0, false, false)))
                .isEqualTo(new RetryDecision.Retry(Duration.ofMillis(500)));
    }

    @Test
    void connectionFailuresOfIdempotentCallsAreRetried() {
        assertThat(withJitterDraw(0.0).decide(Attempt.connectionFailure(1, true, true)))
                .isEqualTo(new RetryDecision.Retry(Duration.ofSeconds(1)));
    }

    @Test
    void anApiSayingShouldRetryFalseIsNeverRetriedEvenOnA503() {
        assertThat(withJitterDraw(0.0).decide(Attempt.response(0, true, 503, Optional.empty(), Optional.of(false))))
                .isEqualTo(new RetryDecision.GiveUp("the server said not to retry"));
    }

    @Test
    void anApiSayingShouldRetryTrueIsRetriedOnAnyStatusButStillNotAfterASentWrite() {
        RetryPolicy policy = withJitterDraw(0.0);
        assertThat(policy.decide(Attempt.response(0, true, 409, Optional.empty(), Optional.of(true))))
                .isEqualTo(new RetryDecision.Retry(Duration.ofMillis(500)));
        assertThat(policy.decide(Attempt.response(2, true, 409, Optional.empty(), Optional.of(true))))
                .isInstanceOf(RetryDecision.GiveUp.class);
        assertThat(policy.decide(Attempt.response(0, false, 409, Optional.empty(), Optional.of(true))))
                .isInstanceOf(RetryDecision.GiveUp.class);
    }

    @Test
    void noRetriesPolicyGivesUpAtOnce() {
        assertThat(RetryPolicy.none().decide(Attempt.response(0, true, 503, NO_HEADERS, NOW)))
                .isInstanceOf(RetryDecision.GiveUp.class);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxRetries(-1))
                .hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5,
                Duration.ofSeconds(1), () -> 0.0)).hasMessageContaining("jitter");
    }

    @Test
    void retryAfterParsingNeverThrowsOnArbitraryText() {
        long seed = 20261122L;
        Random random = new Random(seed);
        String alphabet = "0123456789.,:- GMTSunNovabcxyz+-eE\t";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = value.toString();
            Optional<Duration> parsed = RetryPolicy.retryAfter(headers(Map.of("retry-after", text)), NOW);
            assertThat(parsed.map(Duration::isNegative).orElse(false)).as("seed %d input '%s'", seed, text).isFalse();
        }
    }
}
