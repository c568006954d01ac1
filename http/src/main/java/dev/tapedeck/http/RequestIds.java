package dev.tapedeck.http;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The id a server gave its answer, for support requests. Looked for in this order: {@code x-request-id},
 * {@code request-id}, {@code x-amzn-requestid}, {@code x-amz-request-id}, {@code x-correlation-id}, {@code cf-ray}.
 * A value is used only when it is 1 to 128 characters of letters, digits and {@code . _ : / + = -}: anything else
 * (a hostile server's control characters, a page of text) is ignored rather than shown.
 */
final class RequestIds {

    /** The headers read, in order of preference. */
    static final List<String> HEADERS = List.of("x-request-id", "request-id", "x-amzn-requestid", "x-amz-request-id",
            "x-correlation-id", "cf-ray");

    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

    private RequestIds() {
    }

    /** The request id among {@code headers} (a case-insensitive lookup), if one is usable. */
    static Optional<String> of(Function<String, Optional<String>> headers) {
        for (String name : HEADERS) {
            Optional<String> value = headers.apply(name).map(String::strip).filter(v -> USABLE.matcher(v).matches());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** {@code " (request id X)"}, or nothing. */
    static String note(Optional<String> requestId) {
        return requestId.map(id -> " (request id " + id + ")").orElse("");
    }
}
