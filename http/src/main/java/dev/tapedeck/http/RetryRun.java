package dev.tapedeck.http;

import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.Attempt;
import dev.tapedeck.retry.RateLimiter;
import dev.tapedeck.retry.RetryDecision;
import dev.tapedeck.retry.RetryPolicy;
import feign.Request;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retries of one call, API call or media fetch alike: asks the {@link RetryPolicy} after each failed try,
 * keeps to the overall deadline when the call has one (no retry starts that would end after it, each try's
 * timeouts are cut to what is left, and {@link #pastDeadline()} tells a body reader to stop), pays each retry from
 * the connection's token bucket, and waits through the injected sleeper. Time spent waiting for rate limit permits
 * is not counted as used. Not thread-safe: one per call.
 */
final class RetryRun {

    private static final Logger LOG = LoggerFactory.getLogger(RetryRun.class);

    private final Retries retries;
    private final Supplier<String> call;
    private final CallTrace trace;
    private final boolean idempotent;
    private final Optional<Duration> overall;
    private final Instant start;
    private Duration slept = Duration.ZERO;
    private Duration queued = Duration.ZERO;
    private int retriesSoFar;
    private int tokensTaken;

    RetryRun(Retries retries, Supplier<String> call, CallTrace trace, boolean idempotent, Optional<Duration> overall) {
        this.retries = retries;
        this.call = call;
        this.trace = trace;
        this.idempotent = idempotent;
        this.overall = overall;
        this.start = retries.clock().instant();
    }

    /** {@code options} with connect and read timeouts cut to what is left of the deadline. */
    Request.Options options(Request.Options options) {
        if (overall.isEmpty()) {
            return options;
        }
        long left = Math.max(1, overall.get().minus(used()).toMillis());
        long connect = Math.min(options.connectTimeoutUnit().toMillis(options.connectTimeout()), left);
        long read = Math.min(options.readTimeoutUnit().toMillis(options.readTimeout()), left);
        return new Request.Options(connect, TimeUnit.MILLISECONDS, read, TimeUnit.MILLISECONDS,
                options.isFollowRedirects());
    }

    /**
     * A permit of {@code limiter} for the next try when it is {@code counted} (a request to the API's own origin),
     * else one that holds nothing; the wait for it is left out of the time used.
     */
    RateLimiter.Permit permit(RateLimiter limiter, boolean counted) throws InterruptedIOException {
        Instant asked = retries.clock().instant();
        try {
            return counted ? limiter.acquire() : RateLimiter.Permit.NONE;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the rate limit");
        } finally {
            Duration waited = Duration.between(asked, retries.clock().instant());
            queued = queued.plus(waited.isNegative() ? Duration.ZERO : waited);
        }
    }

    /** The number of the try under way: 1 for the first. */
    int attempt() {
        return retriesSoFar + 1;
    }

    /** Whether the call has used up its overall deadline (never, without one). */
    boolean pastDeadline() {
        return overall.isPresent() && used().compareTo(overall.get()) >= 0;
    }

    /** The overall deadline of the call, if it has one. */
    Optional<Duration> overall() {
        return overall;
    }

    /**
     * After {@code failure} (no answer, or an answer that broke): waits and returns true when the call should be
     * tried again; false when it should fail with that failure.
     */
    boolean retryAfter(IOException failure) throws InterruptedIOException {
        if (failure instanceof BrokenAnswer broken && !broken.retryable()) {
            return false;
        }
        RetryDecision decision = retries.policy().decide(
                Attempt.connectionFailure(retriesSoFar, idempotent, wasSent(failure)));
        boolean timeout = failure instanceof SocketTimeoutException;
        return waitToRetry(decision, timeout, failure.getClass().getSimpleName(), timeout ? "timeout" : "connection");
    }

    /**
     * After a failed answer, {@code error} as the provider's mapper read it: waits and returns empty when the call
     * should be tried again, else the error to fail with. {@code serverSaysRetry} is the API's own
     * {@code X-Should-Retry}, which a media host never gets a say in. A server wait above the policy's cap fails at
     * once: a rate limit or not-ready error carrying that wait, any other error with the wait in its message.
     */
    Optional<TapedeckError> retryAfter(HttpFailure failure, TapedeckError error, Optional<Boolean> serverSaysRetry)
            throws InterruptedIOException {
        if (!error.isTransient() && !serverSaysRetry.equals(Optional.of(true))) {
            return Optional.of(error);
        }
        RetryDecision decision = retries.policy().decide(Attempt.response(retriesSoFar, idempotent, failure.status(),
                serverWait(error, failure), serverSaysRetry));
        if (decision instanceof RetryDecision.WaitTooLong tooLong) {
            return Optional.of(tooLongWait(error, tooLong.requested()));
        }
        return waitToRetry(decision, false, "HTTP " + failure.status(), "http_" + failure.status())
                ? Optional.empty() : Optional.of(error);
    }

    /** The call succeeded: the tokens its retries took go back to the bucket, or one token when it needed none. */
    void succeeded() {
        retries.budget().succeeded(tokensTaken);
    }

    /**
     * Waits out {@code decision} when it is a retry the deadline and the budget allow; {@code what} says what failed
     * for the log, {@code cause} for the observer (a bounded word, see {@code RetryEvent}).
     */
    private boolean waitToRetry(RetryDecision decision, boolean afterTimeout, String what, String cause)
            throws InterruptedIOException {
        if (!(decision instanceof RetryDecision.Retry retry)) {
            return false;
        }
        Duration used = used();
        if (overall.isPresent() && used.plus(retry.delay()).compareTo(overall.get()) >= 0) {
            LOG.debug("{}: {} got {}; no retry, the overall timeout would pass first", retries.providerId(), call.get(), what);
            return false;
        }
        int tokens = retries.budget().take(afterTimeout);
        if (tokens < 0) {
            LOG.debug("{}: {} got {}; no retry, the connection's retry budget is spent ({})", retries.providerId(),
                    call.get(), what, retries.budget());
            return false;
        }
        tokensTaken += tokens;
        LOG.debug("{}: {} got {}; retry {} of {} in {} ms", retries.providerId(), call.get(), what, retriesSoFar + 1,
                retries.policy().maxRetries(), retry.delay().toMillis());
        trace.retrying(retriesSoFar + 1, cause, retry.delay());
        try {
            retries.sleeper().sleep(retry.delay());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
        slept = slept.plus(retry.delay());
        retriesSoFar++;
        return true;
    }

    /**
     * Time used so far, rate limit waits left out: the clock's view, or the retry waits alone when the clock stands
     * still (as in tests).
     */
    private Duration used() {
        Duration elapsed = Duration.between(start, retries.clock().instant()).minus(queued);
        return elapsed.compareTo(slept) > 0 ? elapsed : slept;
    }

    /**
     * The wait the server asked for: the mapped error's own hint when it is RateLimited or NotReady (the mapper knows
     * the provider's headers, X-RateLimit-Reset included), else the standard Retry-After headers.
     */
    private Optional<Duration> serverWait(TapedeckError error, HttpFailure failure) {
        if (error instanceof TapedeckError.RateLimited limited) {
            return limited.retryAfter();
        }
        if (error instanceof TapedeckError.NotReady notReady) {
            return notReady.retryAfter();
        }
        return RetryPolicy.retryAfter(failure::header, retries.clock().instant());
    }

    private TapedeckError tooLongWait(TapedeckError error, Duration wait) {
        if (error instanceof TapedeckError.RateLimited limited) {
            return new TapedeckError.RateLimited(limited.provider(), limited.message(), Optional.of(wait));
        }
        if (error instanceof TapedeckError.NotReady notReady) {
            return new TapedeckError.NotReady(notReady.provider(), notReady.message(), Optional.of(wait));
        }
        return ErrorNotes.append(error, "; it asked to wait " + StandardErrors.seconds(wait) + ", longer than the "
                + StandardErrors.seconds(retries.policy().maxRetryAfter()) + " Tapedeck waits by itself");
    }

    /** Whether the request may have reached the server: not when the connection or its handshake failed. */
    static boolean wasSent(IOException failure) {
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException
                || failure instanceof UnknownHostException || failure instanceof SSLHandshakeException) {
            return false;
        }
        return !(failure instanceof SocketTimeoutException && failure.getMessage() != null
                && failure.getMessage().toLowerCase(Locale.ROOT).contains("connect"));
    }
}
