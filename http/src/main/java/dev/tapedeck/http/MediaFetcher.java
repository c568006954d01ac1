package dev.tapedeck.http;

import dev.tapedeck.MediaStream;
import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.observe.CallEvent;
import feign.Client;
import feign.Request;
import feign.Response;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches media by URL on any origin with NO credentials: nothing but {@code Range}/{@code If-Range} and
 * {@code Accept} is sent. Every URL, including each redirect hop, passes the {@link AddressPolicy} (https to public
 * hosts, unless the base URL or the user allows more), and no redirect goes from https to plain http; redirects are
 * followed by hand, at most {@link #MAX_REDIRECTS}. A URL refused so is a ProviderFailure naming the host: the
 * provider (or its media host) sent it.
 *
 * <p>Connection failures, 408, 429 and 5xx are retried with the connection's retry policy and budget, after the
 * host's {@code Retry-After} (seconds or an HTTP date, up to the policy's cap; above it the call fails at once
 * carrying the wait), each try starting over from the URL given. A media host's {@code X-Should-Retry} is ignored:
 * only the provider's API may say that.
 *
 * <p>Sends {@code Range: bytes=N-} (and {@code If-Range}) when the offset is above 0; a 206 from another byte is an
 * Integrity error, a 200 means the range was ignored and the stream starts at 0. 401 and 403 are Forbidden (the
 * link expired or was refused; no API key is involved), 404 NotFound, 416 Integrity, the rest as
 * {@link StandardErrors}, with the host's request id when it sent one. There is no overall timeout, only connect
 * and read-idle: HttpURLConnection's read timeout applies to every read, so a body that stalls after the headers
 * fails instead of hanging.
 *
 * <p>Each hop's request and answer go to the wire log (never a body), each retry and the fetch's end to the
 * observer as operation {@code media}, and the body it opens counts its bytes as they are read.
 */
public final class MediaFetcher {

    /** The most redirects followed for one fetch. */
    public static final int MAX_REDIRECTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(MediaFetcher.class);

    private final String providerId;
    private final Client client;
    private final Request.Options options;
    private final FailureReader reader;
    private final TransportErrors transport;
    private final Retries retries;
    private final AddressPolicy addresses;
    private final BooleanSupplier closed;
    private final Tracing tracing;

    MediaFetcher(String providerId, Client client, Request.Options options, Redactor redactor, Retries retries,
            AddressPolicy addresses, BooleanSupplier closed, Tracing tracing) {
        this.providerId = providerId;
        this.client = client;
        this.options = options;
        this.reader = new FailureReader(providerId, redactor);
        this.transport = new TransportErrors(providerId, redactor);
        this.retries = retries;
        this.addresses = addresses;
        this.closed = closed;
        this.tracing = tracing;
    }

    /** What one try came to: a final result, or a failure that may be retried. */
    private sealed interface Outcome {
        record Done(Either<TapedeckError, MediaStream> result) implements Outcome {
        }

        record Broken(IOException failure, URI at) implements Outcome {
        }

        record Failed(HttpFailure failure, TapedeckError error) implements Outcome {
        }
    }

    /** Opens {@code url} from byte {@code offset}; {@code ifRange} is the validator the earlier bytes came with. */
    public Either<TapedeckError, MediaStream> open(URI url, long offset, Optional<String> ifRange) {
        if (closed.getAsBoolean()) {
            return Either.left(HttpKit.closedError(providerId));
        }
        if (offset < 0) {
            return Either.left(TapedeckError.InvalidRequest.of(providerId, providerId + ": negative media offset " + offset));
        }
        CallTrace trace = tracing.call(CallEvent.MEDIA);
        Either<TapedeckError, MediaStream> result = open(url, offset, ifRange, trace);
        trace.ended(result.isLeft() ? Optional.of(result.getLeft()) : Optional.empty());
        return result.map(stream -> tracing.watch(stream, CallEvent.MEDIA, "GET " + Redaction.url(url)));
    }

    private Either<TapedeckError, MediaStream> open(URI url, long offset, Optional<String> ifRange,
            CallTrace trace) {
        RetryRun run = retries.start(() -> "GET " + Redaction.url(url), trace, true, Optional.empty());
        try {
            while (true) {
                Outcome outcome = fetch(url, offset, ifRange, trace, run.attempt());
                if (outcome instanceof Outcome.Done done) {
                    if (done.result().isRight()) {
                        run.succeeded();
                    }
                    return done.result();
                }
                if (outcome instanceof Outcome.Broken broken) {
                    if (!run.retryAfter(broken.failure())) {
                        return Either.left(transport.ioFailure("GET " + Redaction.url(broken.at()), broken.failure()));
                    }
                    continue;
                }
                Outcome.Failed failed = (Outcome.Failed) outcome;
                Optional<TapedeckError> last = run.retryAfter(failed.failure(), failed.error(), Optional.empty());
                if (last.isPresent()) {
                    return Either.left(last.get());
                }
            }
        } catch (InterruptedIOException interrupted) {
            return Either.left(transport.ioFailure("GET " + Redaction.url(url), interrupted));
        }
    }

    /** One try, number {@code attempt}: {@code url} and its redirects, each hop checked first. */
    private Outcome fetch(URI url, long offset, Optional<String> ifRange, CallTrace trace, int attempt) {
        URI current = url;
        String sentBy = "the provider sent this URL";
        int via = 0;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Either<String, URI> allowed;
            try {
                allowed = addresses.check(current);
            } catch (IOException unresolved) {
                return new Outcome.Broken(unresolved, current);
            }
            if (allowed.isLeft()) {
                return new Outcome.Done(Either.left(unfetchable(allowed.getLeft(), via, sentBy)));
            }
            Response response;
            Request request = request(current, offset, ifRange);
            long sent = trace.sending(request, attempt, false);
            try {
                response = trace.answered(request, client.execute(request, options), attempt, sent, false);
            } catch (IOException failure) {
                trace.broke(request, failure, attempt, sent);
                return new Outcome.Broken(failure, current);
            } catch (RuntimeException failure) {
                return new Outcome.Done(Either.left(transport.ioFailure("GET " + Redaction.url(current), failure)));
            }
            int status = response.status();
            if (status >= 200 && status <= 299) {
                return new Outcome.Done(MediaStreams.from(providerId, response, offset));
            }
            Optional<URI> next = isRedirect(status) ? location(current, response) : Optional.empty();
            if (next.isEmpty()) {
                HttpFailure failure = reader.failure(FailureReader.buffer(response));
                return new Outcome.Failed(failure, FailureReader.withRequestId(failure, failure(failure, current)));
            }
            response.close();
            sentBy = "the media host at " + Redaction.url(current) + " redirected there (HTTP " + status + ")";
            via = status;
            if ("https".equalsIgnoreCase(current.getScheme()) && "http".equalsIgnoreCase(next.get().getScheme())) {
                return new Outcome.Done(Either.left(unfetchable(providerId + ": refusing to fetch "
                        + Redaction.url(next.get()) + ": a redirect from https to plain http is never followed", status,
                        sentBy)));
            }
            LOG.debug("{}: media at {} redirected (HTTP {}) to {}", providerId, Redaction.url(current), status,
                    Redaction.url(next.get()));
            current = next.get();
        }
        return new Outcome.Done(Either.left(new TapedeckError.Transport(providerId, providerId + ": the media at "
                + Redaction.url(url) + " redirected more than " + MAX_REDIRECTS + " times; giving up")));
    }

    /** A URL the policy refused, which the provider or its media host sent: their failure, not the caller's. */
    private TapedeckError unfetchable(String refusal, int status, String sentBy) {
        return new TapedeckError.ProviderFailure(providerId, status, refusal + "; " + sentBy
                + "; fetch the recording again, and report it if it persists", "", false);
    }

    private static Request request(URI url, long offset, Optional<String> ifRange) {
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("*/*"));
        if (offset > 0) {
            headers.put("Range", List.of("bytes=" + offset + "-"));
            ifRange.filter(v -> !v.isBlank()).ifPresent(v -> headers.put("If-Range", List.of(v)));
        }
        return Request.create(Request.HttpMethod.GET, url.toASCIIString(), headers, null, StandardCharsets.UTF_8, null);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Optional<URI> location(URI current, Response response) {
        try {
            return MediaStreams.header(response, "Location").map(String::strip).map(current::resolve);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private TapedeckError failure(HttpFailure failure, URI url) {
        String where = Redaction.url(url);
        int status = failure.status();
        if (status == 401 || status == 403) {
            // the media host, not the provider's API, answered: the API key has nothing to do with it
            return new TapedeckError.Forbidden(providerId, providerId + ": the media URL " + where
                    + " expired or was refused (HTTP " + status + "); fetch the recording again for a fresh link");
        }
        if (status == 404) {
            return new TapedeckError.NotFound(providerId, providerId + ": no media at " + where + " (HTTP 404)");
        }
        if (status == 416) {
            return new TapedeckError.Integrity(providerId, providerId + ": the media at " + where
                    + " refused the requested byte range (HTTP 416); download it again from the start");
        }
        if (status >= 300 && status <= 399) {
            return new TapedeckError.ProviderFailure(providerId, status, providerId + ": the media at " + where
                    + " redirected (HTTP " + status + ") without a usable Location", failure.bodyExcerpt(), false);
        }
        return StandardErrors.map(failure, retries.clock());
    }
}
