package dev.tapedeck.http;

import dev.tapedeck.model.TapedeckError;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What the kit knows about a failed response, for an {@link ErrorMapper}. The body excerpt is at most
 * {@link #MAX_EXCERPT} characters and already redacted (keys, bearer tokens, presigned query strings removed). The
 * body's message and field problems were read from the whole body (up to 64 KiB), not from the excerpt, and
 * redacted too. {@code toString} leaves the headers out, since they may hold cookies or signed locations.
 *
 * @param providerId    the provider id
 * @param method        the HTTP method
 * @param path          the request path, without query string
 * @param status        the HTTP status
 * @param headers       the response headers, names case-insensitive
 * @param bodyExcerpt   the start of the body, redacted
 * @param bodyMessage   the best human text in the body, one line, redacted; empty when it has none
 * @param fieldProblems the field problems of a {@code detail} list in the body, redacted
 */
public record HttpFailure(String providerId, String method, String path, int status,
        Map<String, List<String>> headers, String bodyExcerpt, String bodyMessage,
        List<TapedeckError.FieldProblem> fieldProblems) {

    /** The longest body excerpt kept, in characters. */
    public static final int MAX_EXCERPT = 2048;

    /** Checks for nulls, freezes the headers with case-insensitive names and caps the excerpt. */
    public HttpFailure {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(bodyExcerpt, "bodyExcerpt");
        Objects.requireNonNull(bodyMessage, "bodyMessage");
        fieldProblems = List.copyOf(fieldProblems);
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                copy.putIfAbsent(name, List.copyOf(values));
            }
        });
        headers = Collections.unmodifiableMap(copy);
        if (bodyExcerpt.length() > MAX_EXCERPT) {
            bodyExcerpt = bodyExcerpt.substring(0, MAX_EXCERPT);
        }
    }

    /**
     * A failure whose message and field problems are read from {@code bodyExcerpt}, which must already be redacted.
     * The kit itself reads them from the whole body instead.
     */
    public HttpFailure(String providerId, String method, String path, int status,
            Map<String, List<String>> headers, String bodyExcerpt) {
        this(providerId, method, path, status, headers, bodyExcerpt,
                ErrorBodies.read(Objects.requireNonNull(bodyExcerpt, "bodyExcerpt"), UnaryOperator.identity()));
    }

    private HttpFailure(String providerId, String method, String path, int status,
            Map<String, List<String>> headers, String bodyExcerpt, ErrorBodies.Details details) {
        this(providerId, method, path, status, headers, bodyExcerpt, details.message(), details.problems());
    }

    /** The first value of header {@code name}, matched case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    @Override
    public String toString() {
        return "HttpFailure[" + providerId + " " + method + " " + path + " -> " + status + ", body=" + bodyExcerpt + "]";
    }
}
