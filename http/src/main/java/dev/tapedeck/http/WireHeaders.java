package dev.tapedeck.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;

/**
 * The innermost client: logs the headers of each request exactly as they leave, the origin-scoped auth headers
 * included (masked), to the {@link WireLog} at TRACE. The request and answer lines, which need the call's operation
 * and attempt, are written by the retry layer above.
 */
final class WireHeaders implements Client {

    private final Client delegate;
    private final WireLog log;

    WireHeaders(Client delegate, WireLog log) {
        this.delegate = delegate;
        this.log = log;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        log.requestHeaders(request);
        return delegate.execute(request, options);
    }
}
