package dev.tapedeck.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapedeck.FakeTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final Instant START = Instant.parse("2026-03-09T12:00:00Z");

    @Test
    void theTextFormReadsBackAsItIsWritten() {
        RateLimit kataven = RateLimit.of(60, Duration.ofMinutes(1)).and(1_000, Duration.ofHours(1))
                .and(10_000, Duration.ofDays(1)).withAtOnce(20);

        assertThat(kataven).hasToString("60/1m,1000/1h,10000/1d,20 at once");
        assertThat(RateLimit.parse(" 60/1m, 1000/H ,10000/1d,20 at once")).isEqualTo(kataven);
        assertThat(RateLimit.parse("5/10s")).isEqualTo(RateLimit.of(5, Duration.ofSeconds(10)));
        assertThat(RateLimit.parse("120/min")).isEqualTo(RateLimit.of(120, Duration.ofMinutes(1)));
        assertThat(RateLimit.parse("OFF")).isEqualTo(RateLimit.unlimited()).hasToString("off");
        assertThat(RateLimit.unlimited().isUnlimited()).isTrue();
    }

    @Test
    void aMalformedLimitSaysHowToWriteOne() {
        for (String bad : List.of("", "60", "60/", "60/1w", "0/1m", "60/0m", "60/1m,60/60s", "2 at once,3 at once",
                "-1/1m", "<html>")) {
            assertThatThrownBy(() -> RateLimit.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a rate limit").hasMessageContaining("write e.g. 60/1m");
        }
    }

    @Test
    void theFirstWindowFullGoesAtOnceAndTheNextWaitsUntilTheOldestLeavesTheWindow() throws Exception {
        FakeTime time = new FakeTime(START);
        RateLimiter limiter = new RateLimiter(RateLimit.of(3, Duration.ofMinutes(1)), time, time);

        for (int i = 0; i < 3; i++) {
            limiter.acquire().close();
            time.advance(Duration.ofSeconds(10));
        }
        assertThat(time.sleeps()).isEmpty();

        limiter.acquire().close(); // the first ended at 0 s; it is 30 s now
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
        limiter.acquire().close(); // the second ended at 10 s; it is 60 s now
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    @Test
    void aRequestCountsUntilItsPermitCloses() throws Exception {
        FakeTime time = new FakeTime(START);
        RateLimiter limiter = new RateLimiter(RateLimit.of(2, Duration.ofSeconds(10)), time, time);

        RateLimiter.Permit slow = limiter.acquire();
        limiter.acquire().close();
        time.advance(Duration.ofSeconds(25));
        slow.close(); // sent at 0 s, but the provider may have seen it as late as 25 s
        slow.close();
        limiter.acquire().close(); // the quick one ended at 0 s

        limiter.acquire().close(); // counted from when it was sent, the slow one would let this go at once
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10));
        assertThat(limiter.underWay()).isZero();
    }

    @Test
    void atMostTheAllowedNumberAreUnderWayAndTheOthersWaitWithoutSleeping() throws Exception {
        FakeTime time = new FakeTime(START);
        RateLimiter limiter = new RateLimiter(RateLimit.unlimited().withAtOnce(2), time, time);
        RateLimiter.Permit first = limiter.acquire();
        RateLimiter.Permit second = limiter.acquire();
        AtomicBoolean firstClosed = new AtomicBoolean();
        AtomicBoolean thirdWaitedForIt = new AtomicBoolean();
        Thread third = new Thread(() -> {
            try (RateLimiter.Permit permit = limiter.acquire()) {
                thirdWaitedForIt.set(firstClosed.get());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        third.start();
        while (third.getState() != Thread.State.WAITING && third.isAlive()) {
            Thread.onSpinWait(); // until it parks in the limiter (or, wrongly, finishes)
        }

        firstClosed.set(true);
        first.close();
        third.join(30_000);
        second.close();

        assertThat(thirdWaitedForIt).isTrue();
        assertThat(time.sleeps()).isEmpty();
        assertThat(limiter.underWay()).isZero();
    }

    @Test
    void manyThreadsNeverExceedTheWindowOnTheClockTheirSleepsMove() throws Exception {
        FakeTime time = new FakeTime(START);
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, Duration.ofMinutes(1)).withAtOnce(4), time, time);
        List<Instant> sent = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 45; i++) {
                done.add(pool.submit(() -> {
                    try (RateLimiter.Permit permit = limiter.acquire()) {
                        sent.add(time.instant());
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Instant> sorted = new ArrayList<>(sent);
        Collections.sort(sorted);
        for (int i = 10; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 10), sorted.get(i))).as("request %d", i)
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        }
        assertThat(Duration.between(START, time.instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void aSleeperThatDoesNotMoveTheClockCannotMakeItSpin() throws Exception {
        Clock frozen = Clock.fixed(START, ZoneOffset.UTC);
        List<Duration> sleeps = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(RateLimit.of(2, Duration.ofSeconds(30)), frozen, sleeps::add);

        for (int i = 0; i < 6; i++) {
            limiter.acquire().close();
        }

        assertThat(sleeps).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void anInterruptedWaitTakesNoPermitAndLetsTheNextInLineGo() throws Exception {
        FakeTime time = new FakeTime(START);
        CountDownLatch sleeping = new CountDownLatch(1);
        AtomicBoolean blockedOnce = new AtomicBoolean();
        Sleeper firstBlocks = duration -> {
            if (blockedOnce.compareAndSet(false, true)) {
                sleeping.countDown();
                new CountDownLatch(1).await(); // until interrupted
            }
            time.sleep(duration);
        };
        RateLimiter limiter = new RateLimiter(RateLimit.of(1, Duration.ofMinutes(1)), time, firstBlocks);
        limiter.acquire().close();
        Thread waiting = new Thread(() -> {
            try {
                limiter.acquire().close();
            } catch (InterruptedException expected) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.start();
        assertThat(sleeping.await(30, TimeUnit.SECONDS)).isTrue();
        waiting.interrupt();
        waiting.join(30_000);

        assertThat(limiter.underWay()).isZero();
        RateLimiter.Permit next = limiter.acquire();
        assertThat(limiter.underWay()).isOne();
        next.close();
        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void anUnlimitedLimiterNeverWaits() throws Exception {
        FakeTime time = new FakeTime(START);
        RateLimiter limiter = new RateLimiter(RateLimit.unlimited(), time, time);
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire().close();
        }
        assertThat(time.sleeps()).isEmpty();
    }
}
