package dev.tapedeck.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the kit knows about a failed response, for an {@link ErrorMapper}. The body excerpt is at most
 * {@link #MAX_EXCERPT} characters and already redacted (keys, bearer tokens, presigned query strings removed).
 * {@code toString} leaves the headers out, since they may hold cookies or signed locations.
 *
 * @param providerId  the provider id
 * @param method      the HTTP method
 * @param path        the request path, without query string
 * @param status      the HTTP status
 * @param headers     the response headers, names case-insensitive
 * @param bodyExcerpt the start of the body, redacted
 */
public record HttpFailure(String providerId, String method, String path, int status,
        Map<String, List<String>> headers, String bodyExcerpt) {

    /** The longest body excerpt kept, in characters. */
    public static final int MAX_EXCERPT = 2048;

    /** Checks for nulls, freezes the headers with case-insensitive names and caps the excerpt. */
    public HttpFailure {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(bodyExcerpt, "bodyExcerpt");
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
