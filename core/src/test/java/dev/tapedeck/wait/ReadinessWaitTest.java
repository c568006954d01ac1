package dev.tapedeck.wait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapedeck.FakeTime;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.Sleeper;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReadinessWaitTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));

    private static TapedeckError notReady(Duration hint) {
        return new TapedeckError.NotReady("loop", "recording of session s1 is still processing",
                Optional.ofNullable(hint));
    }

    @SafeVarargs
    private static Supplier<Either<TapedeckError, String>> answers(Either<TapedeckError, String>... script) {
        Deque<Either<TapedeckError, String>> queue = new ArrayDeque<>(List.of(script));
        return () -> queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Test
    void returnsTheValueOnceReadyAfterBackingOffOneThenTwoSeconds() {
        ReadinessWait wait = new ReadinessWait(Duration.ofMinutes(5), time, time);

        Either<TapedeckError, String> result = wait.until(answers(
                Either.left(notReady(null)), Either.left(notReady(null)), Either.right("ready")));

        assertThat(result.get()).isEqualTo("ready");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void honoursTheProvidersRetryAfterHintsForNotReadyAndRateLimited() {
        ReadinessWait wait = new ReadinessWait(Duration.ofMinutes(5), time, time);

        Either<TapedeckError, String> result = wait.until(answers(
                Either.left(notReady(Duration.ofSeconds(7))),
                Either.left(new TapedeckError.RateLimited("loop", "slow down", Optional.of(Duration.ofSeconds(3)))),
                Either.left(notReady(null)),
                Either.right("ready")));

        assertThat(result.get()).isEqualTo("ready");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3), Duration.ofSeconds(4));
    }

    @Test
    void givesUpAtTheDeadlineWithTheLastNotReadyErrorSayingHowLongItWaited() {
        ReadinessWait wait = new ReadinessWait(Duration.ofSeconds(10), time, time);
        int[] probes = {0};

        Either<TapedeckError, String> result = wait.until(() -> {
            probes[0]++;
            return Either.left(notReady(null));
        });

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(3));
        assertThat(probes[0]).isEqualTo(5);
        assertThat(result.getLeft()).isInstanceOf(TapedeckError.NotReady.class);
        assertThat(result.getLeft().message())
                .startsWith("recording of session s1 is still processing")
                .contains("after waiting 10s")
                .contains("raise the wait");
    }

    @Test
    void capsTheBackoffAtThirtySeconds() {
        ReadinessWait wait = new ReadinessWait(Duration.ofSeconds(100), time, time);

        wait.until(() -> Either.<TapedeckError, String>left(notReady(null)));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(9));
    }

    @Test
    void returnsAnyOtherErrorAtOnceWithoutSleeping() {
        ReadinessWait wait = new ReadinessWait(Duration.ofMinutes(5), time, time);
        TapedeckError gone = new TapedeckError.NotFound("loop", "session s1 does not exist");

        Either<TapedeckError, String> result = wait.until(answers(Either.left(notReady(null)), Either.left(gone)));

        assertThat(result.getLeft()).isEqualTo(gone);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aZeroWaitProbesOnceAndExplainsHowToWaitLonger() {
        ReadinessWait wait = new ReadinessWait(Duration.ZERO, time, time);

        Either<TapedeckError, String> result = wait.until(answers(Either.left(notReady(null))));

        assertThat(time.sleeps()).isEmpty();
        assertThat(result.getLeft().message()).contains("after waiting 0ms").contains("raise the wait");
    }

    @Test
    void anInterruptedSleepStopsWaitingAndKeepsTheInterruptFlag() {
        Sleeper interrupted = duration -> {
            throw new InterruptedException("stop");
        };
        ReadinessWait wait = new ReadinessWait(Duration.ofMinutes(5), time, interrupted);
        try {
            Either<TapedeckError, String> result = wait.until(answers(Either.left(notReady(null))));

            assertThat(result.getLeft()).isInstanceOf(TapedeckError.NotReady.class);
            assertThat(result.getLeft().message()).contains("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
