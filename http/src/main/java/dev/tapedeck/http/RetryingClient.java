package dev.tapedeck.http;

import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RateLimiter;
import dev.tapedeck.retry.RetryPolicy;
import feign.Client;
import feign.MethodMetadata;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one retry layer of API calls, as a Feign client decorator driven by a {@link RetryRun} per call. GET and HEAD
 * are idempotent; other methods are retried only when their request never left.
 *
 * <p>A try covers the whole answer: the body of a successful answer is read here, by {@link ApiBodies} (bounded,
 * within the overall deadline), so a body that is reset or cut short after the headers is a failed try retried
 * like a connection failure, and the decoder gets complete bytes. Feign methods returning {@code feign.Response}
 * (media streams) get a successful answer unread. A failed answer's body is read here too, its first 64 KiB at
 * most and no longer than the deadline allows.
 *
 * <p>A failed answer with a retryable status, or one the API marks {@code X-Should-Retry: true}, is mapped once by
 * the provider's {@link ErrorMapper}: it is retried only when the mapper calls it transient (or the API said
 * {@code true}), after the wait the mapped error carries (RateLimited / NotReady hints, which include provider
 * headers such as X-RateLimit-Reset) or else the standard Retry-After headers; once no retry follows, that same
 * error is thrown as {@link ApiException}. {@code X-Should-Retry} counts only on answers from the API's own origin.
 * Every discarded response is closed.
 *
 * <p>Each try to the API's own origin, a retry being a request like any other, first takes a permit of the
 * connection's {@link RateLimiter} and holds it until its answer is in hand (for a streamed body, its headers); the
 * wait for it does not count against the overall timeout, which is about the provider's slowness, not the limit's.
 *
 * <p>Each try's request and answer go to the wire log, each retry and the call's end to the observer (see
 * {@link CallTrace}); a call ends when its final answer is in hand, so its duration does not include decoding.
 *
 * <p>Below this layer HttpURLConnection may resend a bodyless GET or HEAD once by itself when a connection dies
 * before the status line (a JDK behaviour with no per-connection switch); {@link StreamedBodies} keeps it from ever
 * resending anything else. After the status line it never resends, so retries of broken bodies are exact.
 */
final class RetryingClient implements Client {

    private final Client delegate;
    private final Retries retries;
    private final RateLimiter limiter;
    private final Optional<Origin> apiOrigin;
    private final Optional<Duration> overall;
    private final FailureReader reader;
    private final ErrorMapper mapper;
    private final ApiBodies bodies;
    private final Tracing tracing;

    RetryingClient(Client delegate, Retries retries, RateLimiter limiter, Optional<Origin> apiOrigin,
            Optional<Duration> overall, FailureReader reader, ErrorMapper mapper, ApiBodies bodies, Tracing tracing) {
        this.delegate = delegate;
        this.retries = retries;
        this.limiter = limiter;
        this.apiOrigin = apiOrigin;
        this.overall = overall;
        this.reader = reader;
        this.mapper = mapper;
        this.bodies = bodies;
        this.tracing = tracing;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        CallTrace trace = tracing.call(Tracing.operation(request));
        // said only when something goes wrong: redacting the URL of every call that works is wasted
        Supplier<String> call = () -> TransportErrors.describe(request);
        try {
            Response response = execute(request, options, call, trace);
            trace.ended(response.status() < 400 ? Optional.empty()
                    : Optional.of(FailureReader.mapped(reader.failure(response), mapper)));
            return response;
        } catch (ApiException failed) {
            trace.ended(Optional.of(failed.error()));
            throw failed;
        } catch (IOException failed) {
            trace.ended(call.get(), failed);
            throw failed;
        }
    }

    private Response execute(Request request, Request.Options options, Supplier<String> call, CallTrace trace)
            throws IOException {
        String method = request.httpMethod().name().toUpperCase(Locale.ROOT);
        boolean idempotent = method.equals("GET") || method.equals("HEAD");
        boolean fromApi = apiOrigin.isPresent() && apiOrigin.equals(Origin.of(request.url()));
        boolean readsBody = readsBody(request);
        RetryRun run = retries.start(call, trace, idempotent, overall);
        while (true) {
            Response response;
            int attempt = run.attempt();
            // every try is a request to the API: it waits for its permit, and holds it until its answer is in hand
            RateLimiter.Permit permit = run.permit(limiter, fromApi);
            long sent = trace.sending(request, attempt, true);
            try {
                response = delegate.execute(request, run.options(options));
                boolean failed = response.status() < 200 || response.status() > 299;
                if (failed) {
                    response = FailureReader.buffer(response, run::pastDeadline);
                } else if (readsBody) {
                    response = bodies.read(response, run);
                }
                // a body streamed to the caller (media) is never logged, not even its start
                response = trace.answered(request, response, attempt, sent, failed || readsBody);
            } catch (IOException failure) {
                permit.close();
                trace.broke(request, failure, attempt, sent);
                if (run.retryAfter(failure)) {
                    continue;
                }
                throw failure;
            } finally {
                permit.close();
            }
            Optional<Boolean> serverSaysRetry = fromApi ? shouldRetry(response) : Optional.empty();
            if (response.status() < 400
                    || !RetryPolicy.isRetryableStatus(response.status()) && serverSaysRetry.isEmpty()) {
                if (response.status() < 400) {
                    run.succeeded();
                }
                return response;
            }
            HttpFailure failure = reader.failure(response);
            Optional<TapedeckError> last = run.retryAfter(failure, FailureReader.mapped(failure, mapper),
                    serverSaysRetry);
            if (last.isPresent()) {
                throw new ApiException(last.get());
            }
        }
    }

    /** Whether the Feign method decodes its answer (read here, whole) rather than returning it as a stream. */
    private static boolean readsBody(Request request) {
        MethodMetadata method = request.requestTemplate() == null ? null : request.requestTemplate().methodMetadata();
        return method == null || method.returnType() != Response.class;
    }

    /** The API's {@code X-Should-Retry} on a failed answer: true or false, else empty. */
    private static Optional<Boolean> shouldRetry(Response response) {
        if (response.status() < 400) {
            return Optional.empty();
        }
        return MediaStreams.header(response, "X-Should-Retry").map(String::strip).map(v -> v.toLowerCase(Locale.ROOT))
                .filter(v -> v.equals("true") || v.equals("false")).map(Boolean::valueOf);
    }
}
