package dev.tapedeck.http;

import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.Attempt;
import dev.tapedeck.retry.RetryDecision;
import dev.tapedeck.retry.RetryPolicy;
import dev.tapedeck.retry.Sleeper;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry layer of API calls, as a Feign client decorator driven by {@link RetryPolicy}. GET and HEAD are
 * idempotent; other methods are retried only when their request never left. A failed answer with a retryable
 * status is mapped once by the provider's {@link ErrorMapper}: it is retried only when the mapper calls it
 * transient, after the wait the mapped error carries (RateLimited / NotReady hints, which include provider headers
 * such as X-RateLimit-Reset) or else the standard Retry-After headers; once no retry follows, that same error is
 * thrown as {@link ApiException}. A server wait above the policy's cap fails at once: a 429 as RateLimited carrying
 * the wait, anything else as its mapped error with the wait in its message. The overall timeout bounds all tries and waits together:
 * no retry starts that would end after it, and each try's timeouts are cut to what is left. Every discarded
 * response is closed. Below this layer HttpURLConnection may resend a bodyless GET or HEAD once by itself when a
 * connection dies before the status line (a JDK behaviour with no per-connection switch); {@link StreamedBodies}
 * keeps it from ever resending anything else.
 */
final class RetryingClient implements Client {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingClient.class);

    private final Client delegate;
    private final String providerId;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Optional<Duration> overall;
    private final FailureReader reader;
    private final ErrorMapper mapper;

    RetryingClient(Client delegate, String providerId, RetryPolicy policy, Sleeper sleeper, Clock clock,
            Optional<Duration> overall, FailureReader reader, ErrorMapper mapper) {
        this.delegate = delegate;
        this.providerId = providerId;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.overall = overall;
        this.reader = reader;
        this.mapper = mapper;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String method = request.httpMethod().name().toUpperCase(Locale.ROOT);
        boolean idempotent = method.equals("GET") || method.equals("HEAD");
        Instant start = clock.instant();
        Duration slept = Duration.ZERO;
        for (int retries = 0; ; retries++) {
            Duration used = used(start, slept);
            Response response;
            try {
                response = delegate.execute(request, budgeted(options, used));
            } catch (IOException failure) {
                RetryDecision decision = policy.decide(
                        Attempt.connectionFailure(retries, idempotent, wasSent(failure)));
                Optional<Duration> delay = retryDelay(decision, used);
                if (delay.isEmpty()) {
                    throw failure;
                }
                log(request, failure.getClass().getSimpleName(), retries, delay.get());
                slept = slept.plus(sleep(delay.get()));
                continue;
            }
            if (!RetryPolicy.isRetryableStatus(response.status())) {
                return response;
            }
            HttpFailure failure = reader.failure(FailureReader.buffer(response));
            TapedeckError error = mapper.map(failure);
            if (!error.isTransient()) {
                throw new ApiException(error);
            }
            RetryDecision decision = policy.decide(Attempt.response(retries, idempotent, response.status(),
                    serverWait(error, failure)));
            if (decision instanceof RetryDecision.WaitTooLong tooLong) {
                throw new ApiException(tooLongWait(error, tooLong.requested()));
            }
            Optional<Duration> delay = retryDelay(decision, used);
            if (delay.isEmpty()) {
                throw new ApiException(error);
            }
            log(request, "HTTP " + response.status(), retries, delay.get());
            slept = slept.plus(sleep(delay.get()));
        }
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
        return RetryPolicy.retryAfter(failure::header, clock.instant());
    }

    /** The delay to wait before retrying, empty when the policy gives up or the wait would overrun the deadline. */
    private Optional<Duration> retryDelay(RetryDecision decision, Duration used) {
        if (!(decision instanceof RetryDecision.Retry retry)) {
            return Optional.empty();
        }
        if (overall.isPresent() && used.plus(retry.delay()).compareTo(overall.get()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(retry.delay());
    }

    /** Time used so far: the clock's view, or the waits alone when the clock is fixed (as in tests). */
    private Duration used(Instant start, Duration slept) {
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.compareTo(slept) > 0 ? elapsed : slept;
    }

    private Request.Options budgeted(Request.Options options, Duration used) {
        if (overall.isEmpty()) {
            return options;
        }
        long left = Math.max(1, overall.get().minus(used).toMillis());
        long connect = Math.min(options.connectTimeoutUnit().toMillis(options.connectTimeout()), left);
        long read = Math.min(options.readTimeoutUnit().toMillis(options.readTimeout()), left);
        return new Request.Options(connect, TimeUnit.MILLISECONDS, read, TimeUnit.MILLISECONDS,
                options.isFollowRedirects());
    }

    private Duration sleep(Duration delay) throws IOException {
        try {
            sleeper.sleep(delay);
            return delay;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    /**
     * The error for a server wait above the policy's cap: a rate limit or not-ready error carrying that wait, any
     * other error (a 503 with a long Retry-After, say) kept as it is with the wait added to its message.
     */
    private TapedeckError tooLongWait(TapedeckError error, Duration wait) {
        if (error instanceof TapedeckError.RateLimited limited) {
            return new TapedeckError.RateLimited(limited.provider(), limited.message(), Optional.of(wait));
        }
        if (error instanceof TapedeckError.NotReady notReady) {
            return new TapedeckError.NotReady(notReady.provider(), notReady.message(), Optional.of(wait));
        }
        String note = "; it asked to wait " + wait.toSeconds() + " s, longer than the "
                + policy.maxRetryAfter().toSeconds() + " s Tapedeck waits by itself";
        if (error instanceof TapedeckError.ProviderFailure failure) {
            return new TapedeckError.ProviderFailure(failure.provider(), failure.status(), failure.message() + note,
                    failure.excerpt(), failure.retryable());
        }
        if (error instanceof TapedeckError.Transport transport) {
            return new TapedeckError.Transport(transport.provider(), transport.message() + note);
        }
        return error;
    }

    private void log(Request request, String what, int retries, Duration delay) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {} {} got {}; retry {} of {} in {} ms", providerId, request.httpMethod(),
                    Redaction.url(request.url()), what, retries + 1, policy.maxRetries(), delay.toMillis());
        }
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
