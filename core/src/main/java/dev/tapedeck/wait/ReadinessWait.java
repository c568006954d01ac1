package dev.tapedeck.wait;

import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.Sleeper;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits until something is ready: asks a probe again while it answers {@link TapedeckError.NotReady} or
 * {@link TapedeckError.RateLimited}, and returns its first other answer.
 *
 * <p>Between probes it sleeps the error's {@code retryAfter} hint when there is one, else a backoff that starts at
 * {@code initialDelay} and doubles up to {@code maxDelay}; it never sleeps past the deadline, and probes once more
 * at the deadline. When the deadline passes it returns the last not-ready (or rate-limited) error, its message
 * extended with how long it waited and the advice to raise the wait. Time is read from the injected clock and
 * passes only through the injected sleeper. Interrupting the waiting thread returns the last error at once with
 * the interrupt flag set again. Instances are immutable and thread-safe.
 */
public final class ReadinessWait {

    /** The first pause between probes when the provider gives no hint. */
    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);

    /** The longest pause between probes when the provider gives no hint. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

    private final Duration timeout;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * A wait of at most {@code timeout} with pauses from {@code initialDelay} doubling to {@code maxDelay}.
     *
     * @throws IllegalArgumentException when a duration is negative or an initial delay is not positive
     */
    public ReadinessWait(Duration timeout, Duration initialDelay, Duration maxDelay, Clock clock, Sleeper sleeper) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
        this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("the wait must not be negative, was " + timeout);
        }
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must be positive with maxDelay >= initialDelay, were "
                    + initialDelay + " and " + maxDelay);
        }
    }

    /** A wait of at most {@code timeout} with the default pauses (1 s doubling to 30 s). */
    public ReadinessWait(Duration timeout, Clock clock, Sleeper sleeper) {
        this(timeout, DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY, clock, sleeper);
    }

    /** The longest this wait lasts. */
    public Duration timeout() {
        return timeout;
    }

    /** Calls {@code probe} until it is ready, fails for another reason, or the deadline passes. */
    public <T> Either<TapedeckError, T> until(Supplier<Either<TapedeckError, T>> probe) {
        Objects.requireNonNull(probe, "probe");
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        Duration backoff = initialDelay;
        while (true) {
            Either<TapedeckError, T> answer = probe.get();
            if (answer.isRight() || !isNotReadyYet(answer.getLeft())) {
                return answer;
            }
            TapedeckError error = answer.getLeft();
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                return Either.left(gaveUp(error, Duration.between(start, now)));
            }
            Duration pause = hint(error).orElse(backoff);
            Duration remaining = Duration.between(now, deadline);
            try {
                sleeper.sleep(pause.compareTo(remaining) > 0 ? remaining : pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Either.left(withMessage(error, error.message() + " (interrupted while waiting after "
                        + human(Duration.between(start, clock.instant())) + ")"));
            }
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
        }
    }

    private static boolean isNotReadyYet(TapedeckError error) {
        return error instanceof TapedeckError.NotReady || error instanceof TapedeckError.RateLimited;
    }

    private static Optional<Duration> hint(TapedeckError error) {
        Optional<Duration> hint = error instanceof TapedeckError.NotReady
                ? ((TapedeckError.NotReady) error).retryAfter()
                : ((TapedeckError.RateLimited) error).retryAfter();
        return hint.filter(d -> !d.isNegative());
    }

    private TapedeckError gaveUp(TapedeckError error, Duration waited) {
        return withMessage(error, error.message() + " (still not ready after waiting " + human(waited)
                + "; raise the wait, currently " + human(timeout) + ", to wait longer)");
    }

    private static TapedeckError withMessage(TapedeckError error, String message) {
        if (error instanceof TapedeckError.NotReady) {
            TapedeckError.NotReady notReady = (TapedeckError.NotReady) error;
            return new TapedeckError.NotReady(notReady.provider(), message, notReady.retryAfter());
        }
        TapedeckError.RateLimited limited = (TapedeckError.RateLimited) error;
        return new TapedeckError.RateLimited(limited.provider(), message, limited.retryAfter());
    }

    /** Renders a duration for people, e.g. {@code 2m30s}, {@code 45s}, {@code 1h}, {@code 250ms}. */
    static String human(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.getSeconds();
        StringBuilder out = new StringBuilder();
        if (seconds >= 3600) {
            out.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            out.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0) {
            out.append(seconds % 60).append('s');
        }
        return out.toString();
    }
}
