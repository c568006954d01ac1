package dev.tapedeck.http;

import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RetryPolicy;
import feign.Client;
import feign.MethodMetadata;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

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
 * <p>Below this layer HttpURLConnection may resend a bodyless GET or HEAD once by itself when a connection dies
 * before the status line (a JDK behaviour with no per-connection switch); {@link StreamedBodies} keeps it from ever
 * resending anything else. After the status line it never resends, so retries of broken bodies are exact.
 */
final class RetryingClient implements Client {

    private final Client delegate;
    private final Retries retries;
    private final Optional<Origin> apiOrigin;
    private final Optional<Duration> overall;
    private final FailureReader reader;
    private final ErrorMapper mapper;
    private final ApiBodies bodies;

    RetryingClient(Client delegate, Retries retries, Optional<Origin> apiOrigin, Optional<Duration> overall,
            FailureReader reader, ErrorMapper mapper, ApiBodies bodies) {
        this.delegate = delegate;
        this.retries = retries;
        this.apiOrigin = apiOrigin;
        this.overall = overall;
        this.reader = reader;
        this.mapper = mapper;
        this.bodies = bodies;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String method = request.httpMethod().name().toUpperCase(Locale.ROOT);
        boolean idempotent = method.equals("GET") || method.equals("HEAD");
        boolean fromApi = apiOrigin.isPresent() && apiOrigin.equals(Origin.of(request.url()));
        RetryRun run = retries.start(TransportErrors.describe(request), idempotent, overall);
        while (true) {
            Response response;
            try {
                response = delegate.execute(request, run.options(options));
                if (response.status() < 200 || response.status() > 299) {
                    response = FailureReader.buffer(response, run::pastDeadline);
                } else if (readsBody(request)) {
                    response = bodies.read(response, run);
                }
            } catch (IOException failure) {
                if (run.retryAfter(failure)) {
                    continue;
                }
                throw failure;
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
