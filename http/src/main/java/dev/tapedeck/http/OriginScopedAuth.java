package dev.tapedeck.http;

import dev.tapedeck.spi.Secret;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds the origin-scoped headers (the auth headers, and non-secret ones such as an account id) to a request only
 * when its final URL is on the provider's own origin (scheme, host, port), so a method taking an absolute
 * {@code URI} never leaks them to another host. Runs as a client decorator, after Feign resolved the URL, rather
 * than as an interceptor that sees only the template. Values are held as {@link Secret}s so none ever prints.
 */
final class OriginScopedAuth implements Client {

    private final Client delegate;
    private final Optional<Origin> origin;
    private final Map<String, Secret> scopedHeaders;

    OriginScopedAuth(Client delegate, URI baseUrl, Map<String, Secret> scopedHeaders) {
        this.delegate = delegate;
        this.origin = Origin.of(baseUrl);
        this.scopedHeaders = Map.copyOf(scopedHeaders);
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        if (scopedHeaders.isEmpty() || origin.isEmpty() || !origin.equals(Origin.of(request.url()))) {
            return delegate.execute(request, options);
        }
        Map<String, Collection<String>> headers = new LinkedHashMap<>(request.headers());
        scopedHeaders.forEach((name, secret) -> {
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, List.of(secret.reveal()));
        });
        Request authed = Request.create(request.httpMethod(), request.url(), headers, request.body(),
                request.charset(), request.requestTemplate());
        return delegate.execute(authed, options);
    }
}
