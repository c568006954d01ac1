package dev.tapedeck.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives every request except GET and HEAD a body (empty when it had none) with its Content-Length, so that the
 * underlying {@code Client.Default(…, disableRequestBuffering = true)} sends it in fixed-length streaming mode.
 * Why: HttpURLConnection silently resends a buffered request once when the connection dies before the status line
 * (POST included, unless {@code sun.net.http.retryPost=false}), which would be a hidden second retry layer that
 * replays writes; it never resends a streamed one. GET and HEAD cannot stream a body, so the JDK may still resend
 * those once on a dead connection; they are idempotent.
 */
final class StreamedBodies implements Client {

    private static final byte[] EMPTY = new byte[0];

    private final Client delegate;

    StreamedBodies(Client delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String method = request.httpMethod().name().toUpperCase(Locale.ROOT);
        if (method.equals("GET") || method.equals("HEAD")) {
            return delegate.execute(request, options);
        }
        byte[] body = request.body() == null ? EMPTY : request.body();
        Map<String, Collection<String>> headers = new LinkedHashMap<>(request.headers());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Length"));
        headers.put("Content-Length", List.of(String.valueOf(body.length)));
        return delegate.execute(Request.create(request.httpMethod(), request.url(), headers, body, request.charset(),
                request.requestTemplate()), options);
    }
}
