package dev.tapedeck.sandbox.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * One request as an emulator sees it: the path below the provider's base, the decoded query (first value of each
 * name), the headers; and the only way to answer it, so that the sandbox's faults (truncated or dribbled bodies)
 * apply to every answer alike. Answer once.
 */
public interface Call {

    /** Writes a body to the (possibly fault-wrapped) response stream. */
    @FunctionalInterface
    interface BodyWriter {
        /** Writes the body to {@code out}. */
        void write(OutputStream out) throws IOException;
    }

    /** The HTTP method, e.g. {@code GET}. */
    String method();

    /** Whether this is a HEAD request (answered with headers only). */
    boolean isHead();

    /** The raw path below the provider's base URL, e.g. {@code /v1/sessions}. */
    String path();

    /** The decoded query parameters, the first value of each name. */
    Map<String, String> query();

    /** One decoded query parameter. */
    Optional<String> param(String name);

    /** The first value of a request header. */
    Optional<String> header(String name);

    /** The response headers, to set before answering. */
    Headers responseHeaders();

    /** Answers with a JSON body. */
    void json(int status, JsonNode body) throws IOException;

    /** Answers with a plain-text body. */
    void text(int status, String body) throws IOException;

    /** Answers with {@code body} of {@code contentType}. */
    void bytes(int status, String contentType, byte[] body) throws IOException;

    /** Answers with {@code length} bytes produced by {@code writer}, honouring HEAD and the faults. */
    void body(int status, long length, BodyWriter writer) throws IOException;
}
