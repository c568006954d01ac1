package dev.tapedeck.http;

import dev.tapedeck.MediaStream;
import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import feign.Client;
import feign.Request;
import feign.Response;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * {@code Accept} is sent. Every URL, including each redirect hop, passes {@link UrlPolicy}, and no redirect goes
 * from https to plain http; redirects are followed by hand, at most {@link #MAX_REDIRECTS}. A URL refused so is a
 * ProviderFailure: the provider (or its media host) sent it. Sends {@code Range: bytes=N-} (and {@code If-Range})
 * when the offset is above 0; a 206 from another byte is an Integrity error, a 200 means the range was ignored and
 * the stream starts at 0. 401 and 403 are Forbidden (the link expired or was refused; no API key is involved), 404
 * NotFound, 416 Integrity, the rest as {@link StandardErrors}. There is no overall timeout, only connect and read-idle: HttpURLConnection's read timeout
 * applies to every read, so a body that stalls after the headers fails instead of hanging.
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
    private final Clock clock;
    private final BooleanSupplier closed;

    MediaFetcher(String providerId, Client client, Request.Options options, Redactor redactor, Clock clock,
            BooleanSupplier closed) {
        this.providerId = providerId;
        this.client = client;
        this.options = options;
        this.reader = new FailureReader(providerId, redactor);
        this.transport = new TransportErrors(providerId, redactor);
        this.clock = clock;
        this.closed = closed;
    }

    /** Opens {@code url} from byte {@code offset}; {@code ifRange} is the validator the earlier bytes came with. */
    public Either<TapedeckError, MediaStream> open(URI url, long offset, Optional<String> ifRange) {
        if (closed.getAsBoolean()) {
            return Either.left(HttpKit.closedError(providerId));
        }
        if (offset < 0) {
            return Either.left(TapedeckError.InvalidRequest.of(providerId, providerId + ": negative media offset " + offset));
        }
        Either<TapedeckError, URI> first = UrlPolicy.check(providerId, url).mapLeft(refused -> unfetchable(
                refused.message(), 0, "the provider sent this URL; fetch the recording again, and report it if it persists"));
        if (first.isLeft()) {
            return Either.left(first.getLeft());
        }
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Response response;
            try {
                response = client.execute(request(current, offset, ifRange), options);
            } catch (IOException | RuntimeException failure) {
                return Either.left(transport.ioFailure("GET " + Redaction.url(current), failure));
            }
            int status = response.status();
            if (status >= 200 && status <= 299) {
                return MediaStreams.from(providerId, response, offset);
            }
            Optional<URI> next = isRedirect(status) ? location(current, response) : Optional.empty();
            if (next.isEmpty()) {
                return Either.left(failure(reader.failure(FailureReader.buffer(response)), current));
            }
            response.close();
            Either<TapedeckError, URI> allowed = redirectTarget(current, next.get(), status);
            if (allowed.isLeft()) {
                return Either.left(allowed.getLeft());
            }
            LOG.debug("{}: media at {} redirected (HTTP {}) to {}", providerId, Redaction.url(current), status,
                    Redaction.url(next.get()));
            current = next.get();
        }
        return Either.left(new TapedeckError.Transport(providerId, providerId + ": the media at " + Redaction.url(url)
                + " redirected more than " + MAX_REDIRECTS + " times; giving up"));
    }

    /**
     * {@code to} when a redirect from {@code from} may be followed: it passes {@link UrlPolicy} and does not go from
     * https to plain http. So plain http (which the policy allows on loopback only) is followed only along a chain
     * that began on plain-http loopback; a public https link never leads to a service on this machine.
     */
    private Either<TapedeckError, URI> redirectTarget(URI from, URI to, int status) {
        String hint = "the media host at " + Redaction.url(from) + " redirected there (HTTP " + status
                + "); fetch the recording again, and report it if it persists";
        if ("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(to.getScheme())) {
            return Either.left(unfetchable(providerId + ": refusing to fetch " + Redaction.url(to)
                    + ": a redirect from https to plain http is never followed", status, hint));
        }
        return UrlPolicy.check(providerId, to).mapLeft(refused -> unfetchable(refused.message(), status, hint));
    }

    /** A URL the policy refused, which the provider or its media host sent: their failure, not the caller's. */
    private TapedeckError unfetchable(String refusal, int status, String hint) {
        return new TapedeckError.ProviderFailure(providerId, status, refusal + "; " + hint, "", false);
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
        return StandardErrors.map(failure, clock);
    }
}
