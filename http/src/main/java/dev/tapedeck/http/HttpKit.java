package dev.tapedeck.http;

import dev.tapedeck.MediaRequest;
import dev.tapedeck.MediaStream;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.http.json.Json;
import dev.tapedeck.model.MediaLocation;
import dev.tapedeck.model.Recording;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.retry.RateLimit;
import dev.tapedeck.retry.RateLimiter;
import dev.tapedeck.retry.TokenBucket;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Secret;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import io.vavr.control.Either;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything one provider connection needs for HTTP; built once per connection, thread-safe, closeable.
 *
 * <p>API clients never follow redirects, send the auth headers only to the base URL's origin, keep each path
 * parameter one percent-encoded segment, decode with {@link Json#mapper()} (UTF-8 answers straight from their
 * bytes), and retry through one layer driven by the config's {@code RetryPolicy}, retry budget, {@code Sleeper}
 * and {@code Clock} (Feign's own retryer is off), each try after a permit of the connection's {@link RateLimiter}
 * (the provider's declared {@link RateLimit} unless the config overrides it; media fetches from other origins take
 * none). A try covers the whole answer: API bodies are read whole (up to
 * {@code config.apiBodyLimit()}) inside the retry loop. Timeouts come from {@code config.timeouts()}: connect and
 * read-idle per try, the overall one across tries, waits and body reads of an API call; media fetches get no
 * overall timeout. Media URLs a provider hands over are checked against an {@link AddressPolicy}. Feign logging
 * stays at {@code NONE}: the HEADERS and FULL levels would buffer whole media bodies and print credentials. Instead
 * the kit writes its own redacted wire log (see {@link WireLog}, logger {@code dev.tapedeck.http.wire}) and tells
 * {@code config.observer()} about every call, retry and media body. A GET whose parameters are all path segments is
 * resolved into its request once, not on every call ({@link ResolvedCalls}); it sends the same request through the
 * same client chain.
 */
public final class HttpKit implements AutoCloseable {

    private final String providerId;
    private final URI baseUrl;
    private final ProviderConfig config;
    private final Map<String, String> headers;
    private final ErrorMapper errorMapper;
    private final Client apiClient;
    private final Request.Options options;
    private final FailureReader reader;
    private final TransportErrors transport;
    private final MediaFetcher media;
    private final Tracing tracing;
    private final RateLimiter rateLimiter;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpKit(Builder builder) {
        this.providerId = builder.providerId;
        this.baseUrl = builder.baseUrl;
        this.config = builder.config;
        this.headers = Map.copyOf(builder.headers);
        Redactor redactor = Redactor.of(builder.secretHeaders.values());
        this.errorMapper = builder.errorMapper != null ? builder.errorMapper
                : failure -> StandardErrors.map(failure, config.clock());
        this.reader = new FailureReader(providerId, redactor);
        this.transport = new TransportErrors(providerId, redactor);
        this.options = new Request.Options(config.timeouts().connect(), config.timeouts().readIdle(), false);
        WireLog wire = new WireLog(providerId, redactor, builder.secretHeaders.keySet(), config.wireLogBodyLimit());
        this.tracing = new Tracing(providerId, wire, config.observer(), transport);
        Client plain = new WireHeaders(new Client.Default(null, null, true), wire);
        Client authed = new OriginScopedAuth(new StreamedBodies(plain), baseUrl, builder.originHeaders);
        this.rateLimiter = new RateLimiter(config.rateLimit(providerId, builder.declaredRateLimit)
                .getOrElseThrow(error -> new IllegalArgumentException(error.message())), config.clock(),
                config.sleeper());
        Retries retries = new Retries(providerId, config.retryPolicy(), new TokenBucket(config.retryBudget()),
                config.sleeper(), config.clock());
        this.apiClient = new RetryingClient(authed, retries, rateLimiter, Origin.of(baseUrl), config.timeouts().overall(), reader,
                errorMapper, new ApiBodies(providerId, config.apiBodyLimit()), tracing);
        this.media = new MediaFetcher(providerId, plain, options, redactor, retries,
                new AddressPolicy(providerId, baseUrl, config.allowPrivateAddresses(), builder.resolver), closed::get,
                tracing);
    }

    /**
     * Starts a kit for {@code providerId} against {@code baseUrl} (absolute; https, or http on loopback), limited only
     * by the rate limit the config gives ({@link ProviderConfig#rateLimit}); {@link #builder(ProviderMetadata, URI,
     * ProviderConfig)} also keeps to the provider's declared one.
     */
    public static Builder builder(String providerId, URI baseUrl, ProviderConfig config) {
        return new Builder(providerId, baseUrl, config, RateLimit.unlimited());
    }

    /**
     * Starts a kit for the provider {@code metadata} describes, against {@code baseUrl}, keeping to the rate limit
     * it declares unless the config overrides it.
     */
    public static Builder builder(ProviderMetadata metadata, URI baseUrl, ProviderConfig config) {
        return new Builder(metadata.id(), baseUrl, config, metadata.rateLimit());
    }

    /**
     * A Feign client for {@code feignInterface} against the base URL. Any non-2xx answer is mapped through the
     * {@link ErrorMapper} and thrown as {@link ApiException}; wrap calls in {@link #call} to get values.
     */
    public <T> T api(Class<T> feignInterface) {
        requireOpen();
        PathSegmentContract contract = new PathSegmentContract();
        StreamDecoder decoder = new StreamDecoder(Json.mapper());
        ErrorDecoding errors = new ErrorDecoding(reader, errorMapper);
        return feign(contract, decoder, errors, apiClient)
                .invocationHandlerFactory(new ResolvedCalls(contract, apiClient, options, decoder, errors,
                        client -> feign(contract, decoder, errors, client)))
                .target(feignInterface, baseUrl.toString());
    }

    /** The API clients' Feign setup, sending through {@code client}. */
    private Feign.Builder feign(PathSegmentContract contract, StreamDecoder decoder, ErrorDecoding errors,
            Client client) {
        Feign.Builder feign = Feign.builder()
                .contract(contract)
                .client(client)
                .options(options)
                .retryer(Retryer.NEVER_RETRY)
                .logLevel(Logger.Level.NONE)
                .encoder(new JacksonEncoder(Json.mapper()))
                .decoder(decoder)
                .errorDecoder(errors);
        return headers.isEmpty() ? feign : feign.requestInterceptor(template -> headers.forEach(template::header));
    }

    /**
     * Runs a Feign call: an {@link ApiException} becomes Left(its error); any other Feign, I/O or decoding failure
     * Left(Transport or ProviderFailure) with a redacted message. Programming errors still propagate. After
     * {@link #close()} nothing is sent: Left(Misconfigured "connection is closed").
     */
    public <T> Either<TapedeckError, T> call(Supplier<T> feignCall) {
        if (closed.get()) {
            return Either.left(closedError(providerId));
        }
        try {
            return Either.right(feignCall.get());
        } catch (RuntimeException failure) {
            return Either.left(transport.classify(failure).orElseThrow(() -> failure));
        }
    }

    /**
     * For Feign methods returning {@code feign.Response}: non-2xx becomes Left(mapped error) with the response
     * closed; 2xx a {@link MediaStream} read straight off the connection (offset, length, total, ETag and content
     * type from the headers; a {@code Range: bytes=N-} request header is checked against the answer). Feign itself
     * buffers a body whose Content-Length is known and at most 8 KiB, which is harmless; larger or unsized bodies
     * stream. After {@link #close()}: Left(Misconfigured), nothing sent.
     */
    public Either<TapedeckError, MediaStream> stream(Supplier<Response> feignCall) {
        return call(feignCall).flatMap(response -> {
            if (response.status() >= 200 && response.status() <= 299) {
                String call = response.request() == null ? "a stream" : TransportErrors.describe(response.request());
                return MediaStreams.from(providerId, response, MediaStreams.requestedOffset(response))
                        .map(stream -> tracing.watch(stream, Tracing.operation(response.request()), call));
            }
            return Either.left(FailureReader.mapped(reader.failure(FailureReader.buffer(response)), errorMapper));
        });
    }

    /**
     * A Feign call returning {@code feign.Response} whose 2xx body is short text (an HLS playlist an API serves as
     * such), read as UTF-8 up to {@code maxBytes}; a longer body is a ProviderFailure naming the limit, a body cut
     * short a Transport error, any other answer the mapped error as {@link #stream} gives it.
     */
    public Either<TapedeckError, String> text(Supplier<Response> feignCall, int maxBytes) {
        return stream(feignCall).flatMap(stream -> {
            try (MediaStream body = stream; java.io.InputStream in = body.body()) {
                byte[] bytes = in.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    return Either.left(new TapedeckError.ProviderFailure(providerId, 200, providerId + " sent more "
                            + "than " + maxBytes + " bytes where a short text was expected; nothing was kept", "",
                            false));
                }
                return Either.right(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException broken) {
                return Either.left(new TapedeckError.Transport(providerId, providerId + ": the answer broke off "
                        + "while it was read (" + broken.getClass().getSimpleName() + "); try again later"));
            }
        });
    }

    /**
     * The credential-free media fetcher for URLs on any origin (presigned links, HLS segments), with the same retry
     * policy and budget as API calls and the address policy described in {@link MediaFetcher}.
     */
    public MediaFetcher media() {
        return media;
    }

    /**
     * Routes {@code RecordingSource.openMedia}: a recording of another provider is refused (see {@link #ownRecording});
     * a requested part (an HLS segment, resolved against the recording's URL or playlist base when relative) and a
     * {@link MediaLocation.RemoteUrl} go through {@link #media()}; a {@link MediaLocation.ProviderStream} through
     * {@code providerStream}, called with the request so it can send a range. An inline playlist without a part is
     * refused: its segments are opened one by one.
     */
    public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request,
            Function<MediaRequest, Either<TapedeckError, MediaStream>> providerStream) {
        Either<TapedeckError, Recording> own = ownRecording(recording);
        if (own.isLeft()) {
            return Either.left(own.getLeft());
        }
        MediaLocation location = recording.media();
        if (request.part().isPresent()) {
            URI part = request.part().get();
            Optional<URI> base = location instanceof MediaLocation.RemoteUrl remote ? Optional.of(remote.uri())
                    : location instanceof MediaLocation.InlinePlaylist playlist ? playlist.base() : Optional.empty();
            URI target = part.isAbsolute() ? part : base.map(b -> b.resolve(part)).orElse(part);
            return media.open(target, request.offset(), request.ifRange());
        }
        if (location instanceof MediaLocation.RemoteUrl remote) {
            return media.open(remote.uri(), request.offset(), request.ifRange());
        }
        if (location instanceof MediaLocation.ProviderStream) {
            return providerStream.apply(request);
        }
        return Either.left(TapedeckError.InvalidRequest.of(providerId, providerId + ": recording "
                + recording.id() + " is an inline HLS playlist; open its segments with MediaRequest.part(uri)"));
    }

    /**
     * The headers that ask a provider's own media endpoint (a Feign method with {@code @HeaderMap}) for what
     * {@code request} wants: {@code Range: bytes=N-} and its {@code If-Range} validator from a non-zero offset,
     * nothing for the whole resource.
     */
    public static Map<String, Object> rangeHeaders(MediaRequest request) {
        Map<String, Object> headers = new LinkedHashMap<>();
        if (request.offset() > 0) {
            headers.put("Range", "bytes=" + request.offset() + "-");
            request.ifRange().filter(value -> !value.isBlank()).ifPresent(value -> headers.put("If-Range", value));
        }
        return headers;
    }

    /**
     * {@link #openMedia(Recording, MediaRequest, Function)} for a provider whose recordings are never
     * {@link MediaLocation.ProviderStream}s: one that claims to be is refused with InvalidRequest.
     */
    public Either<TapedeckError, MediaStream> openMedia(Recording recording, MediaRequest request) {
        return openMedia(recording, request, unused -> Either.left(TapedeckError.InvalidRequest.of(providerId,
                providerId + " recordings are never provider streams; list the recording again")));
    }

    /**
     * {@code recording} when this kit's provider made it, else InvalidRequest: its ids mean nothing to this provider,
     * so nothing about it may be sent here.
     */
    public Either<TapedeckError, Recording> ownRecording(Recording recording) {
        if (providerId.equals(recording.provider())) {
            return Either.right(recording);
        }
        return Either.left(TapedeckError.InvalidRequest.of(providerId, providerId + " cannot open a recording of "
                + recording.provider() + "; open it through that provider's connection"));
    }

    /**
     * The URL of an API path below the base URL: each of {@code segments} becomes one path segment, encoded as path
     * parameters are ({@code sessions}, an id, {@code replay}); for naming where an answer came from, such as the
     * base of relative URIs in a playlist the answer holds.
     */
    public URI pathUrl(String... segments) {
        StringBuilder url = new StringBuilder(baseUrl.toString().replaceFirst("/+$", ""));
        for (String segment : segments) {
            url.append('/').append(PathSegmentContract.segment(segment));
        }
        return URI.create(url.toString());
    }

    /** The provider id. */
    public String providerId() {
        return providerId;
    }

    /** The API base URL. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The rate limit this connection's API calls keep to. */
    public RateLimit rateLimit() {
        return rateLimiter.limit();
    }

    /** The connection's clock. */
    public Clock clock() {
        return config.clock();
    }

    /**
     * Closes the kit: from now on {@link #call}, {@link #stream} and {@link #media()} answer Left(Misconfigured) without
     * sending anything, and {@link #api} throws. Idle pooled connections are the JDK's to release.
     */
    @Override
    public void close() {
        closed.set(true);
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException(providerId + ": this HTTP kit was closed");
        }
    }

    /** What every call on a closed kit answers. */
    static TapedeckError closedError(String providerId) {
        return new TapedeckError.Misconfigured(providerId, providerId + ": the connection is closed; "
                + "open a new connection to make more calls");
    }

    @Override
    public String toString() {
        return "HttpKit[" + providerId + ", " + dev.tapedeck.model.Redaction.url(baseUrl) + "]";
    }

    /** Mutable builder; {@link #build()} checks the base URL against {@link UrlPolicy}. */
    public static final class Builder {
        private final String providerId;
        private final URI baseUrl;
        private final ProviderConfig config;
        private final RateLimit declaredRateLimit;
        private final Map<String, Secret> originHeaders = new LinkedHashMap<>();
        private final Map<String, Secret> secretHeaders = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private ErrorMapper errorMapper;
        private AddressPolicy.Resolver resolver = InetAddress::getAllByName;

        private Builder(String providerId, URI baseUrl, ProviderConfig config, RateLimit declaredRateLimit) {
            this.providerId = Objects.requireNonNull(providerId, "providerId");
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            this.config = Objects.requireNonNull(config, "config");
            this.declaredRateLimit = declaredRateLimit;
        }

        /**
         * A secret header sent ONLY to requests whose origin (scheme, host, port) equals the base URL's. Its value,
         * and for {@code <scheme> <credential>} values the bare credential too, is masked in every message.
         */
        public Builder authHeader(String name, Secret value) {
            originHeaders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            secretHeaders.put(name, value);
            return this;
        }

        /** {@code Authorization: Bearer <token>}, as {@link #authHeader}; the token alone is masked too. */
        public Builder bearerAuth(Secret token) {
            return authHeader("Authorization", Secret.of("Bearer " + Objects.requireNonNull(token, "token").reveal()));
        }

        /**
         * A non-secret header (an account id, say) sent ONLY to requests on the base URL's origin, like the auth
         * headers, but not masked: its value may show in messages.
         */
        public Builder originHeader(String name, String value) {
            originHeaders.put(Objects.requireNonNull(name, "name"), Secret.of(Objects.requireNonNull(value, "value")));
            secretHeaders.remove(name);
            return this;
        }

        /** A non-secret header for every API request. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** How this provider's error bodies read; default {@link StandardErrors}. */
        public Builder errorMapper(ErrorMapper mapper) {
            this.errorMapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /** How media hosts' names are resolved for the address check; tests stand in for DNS with it. */
        Builder resolver(AddressPolicy.Resolver value) {
            this.resolver = Objects.requireNonNull(value, "resolver");
            return this;
        }

        /**
         * The kit; throws IllegalArgumentException when the base URL fails {@link UrlPolicy} or {@code <ID>_RATE_LIMIT}
         * is malformed (connecting through {@code Tapedeck.connect} reports that as Misconfigured first).
         */
        public HttpKit build() {
            UrlPolicy.check(providerId, baseUrl).getOrElseThrow(error -> new IllegalArgumentException(error.message()));
            return new HttpKit(this);
        }
    }
}
