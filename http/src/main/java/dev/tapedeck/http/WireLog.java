package dev.tapedeck.http;

import dev.tapedeck.model.Redaction;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire log of one connection, on the SLF4J logger {@value #LOGGER}, off unless that logger is enabled.
 *
 * <p>At DEBUG: one line per request ({@code -->}: provider, method, URL, operation, attempt) and one per answer
 * ({@code <--}: status or failure, duration, bytes, the server's request id), plus one when a media body is closed
 * (bytes read, whether it ended). At TRACE also each request and answer header, and, only when
 * {@code ProviderConfig.wireLogBodyLimit} allows it, the start of each API request and answer body; media bodies
 * never.
 *
 * <p>Nothing secret is written. URLs show the values of their credential parameters (presigned signatures, tokens)
 * as {@code REDACTED} and no user-info. Headers that carry credentials (Authorization, cookies, {@code *-api-key},
 * tokens, the connection's own auth headers) show {@code ****}, an auth scheme such as {@code Bearer} kept; every
 * other header value and logged body passes the same {@link Redactor} as error messages (the connection's secrets in
 * any letter case, bearer tokens, credential fields, query strings). What a server sent is logged with control
 * characters escaped ({@code \x1b}), so it cannot forge log lines or drive a terminal.
 */
final class WireLog {

    /** The logger's name. */
    static final String LOGGER = "dev.tapedeck.http.wire";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final String MASK = "****";
    private static final Pattern SECRET_HEADER = Pattern.compile("(?i)(proxy-)?authorization|(set-)?cookie"
            + "|[a-z0-9_-]*api[_-]?key|[a-z0-9_-]*[_-]token|[a-z0-9_-]*secret[a-z0-9_-]*|[a-z0-9_-]*signature"
            + "|[a-z0-9_-]*credential[a-z0-9_-]*|x-amz-security-token");
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)^\\s*(bearer|basic|token|digest)\\s+\\S");

    private final String providerId;
    private final Redactor redactor;
    private final Set<String> secretHeaders;
    private final int bodyLimit;

    /**
     * The wire log of {@code providerId}'s connection: {@code secretHeaders} names its auth headers, masked like the
     * standard ones; {@code bodyLimit} is the most bytes of an API body shown at TRACE, 0 for none.
     */
    WireLog(String providerId, Redactor redactor, Collection<String> secretHeaders, int bodyLimit) {
        this.providerId = providerId;
        this.redactor = redactor;
        this.secretHeaders = secretHeaders.stream().map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.bodyLimit = bodyLimit;
    }

    /** Whether anything is logged at all; callers skip their bookkeeping when not. */
    static boolean enabled() {
        return LOG.isDebugEnabled();
    }

    /** The request line, and at TRACE the start of an API request's body when bodies may be shown. */
    void request(String operation, Request request, int attempt, boolean api) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        LOG.debug("--> {} {} {} ({}, attempt {})", providerId, request.httpMethod(), url(request.url()), operation,
                attempt);
        byte[] body = request.body();
        if (api && bodyLimit > 0 && body != null && body.length > 0 && LOG.isTraceEnabled()) {
            LOG.trace("--> {} body ({}): {}", providerId, extent(Math.min(body.length, bodyLimit), body.length),
                    text(body, Math.min(body.length, bodyLimit)));
        }
    }

    /** At TRACE, each header of {@code request} as it is sent, the auth headers included. */
    void requestHeaders(Request request) {
        if (LOG.isTraceEnabled()) {
            headers("-->", request.headers());
        }
    }

    /**
     * The answer line for {@code response} to {@code request}, sent at {@code sentNanos}; at TRACE its headers and,
     * when its body was {@code read} whole (an API answer, never media) and bodies may be shown, the start of its
     * body. Returns the response to use from now on: the same, or with the same body whose start was read for the
     * log.
     */
    Response answer(String operation, Request request, Response response, int attempt, long sentNanos,
            boolean read) {
        if (!LOG.isDebugEnabled()) {
            return response;
        }
        LOG.debug("<-- {} {} {} {} ({}, attempt {}, {} ms, {}{})", providerId, response.status(),
                request.httpMethod(), url(request.url()), operation, attempt, millisSince(sentNanos), bytes(response, read),
                RequestIds.of(name -> MediaStreams.header(response, name)).map(id -> ", request id " + id).orElse(""));
        if (!LOG.isTraceEnabled()) {
            return response;
        }
        headers("<--", response.headers());
        return read && bodyLimit > 0 ? withBodyLogged(response) : response;
    }

    /** The answer line of a try that got no answer, or whose answer broke. */
    void failed(String operation, Request request, IOException failure, int attempt, long sentNanos) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("<-- {} failed {} {} ({}, attempt {}, {} ms): {}", providerId, request.httpMethod(),
                    url(request.url()), operation, attempt, millisSince(sentNanos), printable(redactor.redact(
                            failure.getClass().getSimpleName() + (failure.getMessage() == null ? ""
                                    : ": " + failure.getMessage()))));
        }
    }

    /** The end of a media body of {@code call} ("GET url", already redacted), opened at {@code openedNanos}. */
    void bodyClosed(String operation, String call, long bytes, boolean ended, long openedNanos) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("<-- {} body of {} ({}): {} bytes in {} ms, {}", providerId, call, operation, bytes,
                    millisSince(openedNanos), ended ? "complete" : "closed before its end");
        }
    }

    /** {@code url} as the log shows it: credential parameters and user-info masked, the connection's secrets too. */
    String url(String url) {
        String shown;
        try {
            shown = Redaction.credentials(URI.create(url));
        } catch (IllegalArgumentException notAUri) {
            shown = Redaction.url(url);
        }
        return printable(redactor.maskSecrets(shown));
    }

    private void headers(String direction, Map<String, Collection<String>> headers) {
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                values.forEach(value -> LOG.trace("{} {} {}: {}", direction, providerId, printable(name),
                        header(name, value)));
            }
        });
    }

    /** A header value as the log shows it. */
    String header(String name, String value) {
        if (value == null) {
            return "";
        }
        if (secretHeaders.contains(name.toLowerCase(Locale.ROOT)) || SECRET_HEADER.matcher(name).matches()) {
            Matcher scheme = AUTH_SCHEME.matcher(value);
            return scheme.find() ? printable(scheme.group(1)) + " " + MASK : MASK;
        }
        return printable(redactor.redact(value));
    }

    /** {@code response} with the start of its body logged and put back in front of the rest. */
    private Response withBodyLogged(Response response) {
        if (response.body() == null) {
            return response;
        }
        try {
            boolean repeatable = response.body().isRepeatable();
            InputStream in = response.body().asInputStream();
            byte[] start = in.readNBytes(bodyLimit);
            Integer length = response.body().length();
            LOG.trace("<-- {} body ({}): {}", providerId, extent(start.length, length == null ? -1 : length),
                    text(start, start.length));
            // a buffered failure body is read again by the error mapping: it stays as it is
            return repeatable ? response : response.toBuilder()
                    .body(new SequenceInputStream(new ByteArrayInputStream(start), in), length).build();
        } catch (IOException unreadable) {
            // The body is read again by its caller, which reports the failure; the log only says it could not look.
            LOG.trace("<-- {} body: not shown ({})", providerId, unreadable.getClass().getSimpleName());
            return response;
        }
    }

    private String text(byte[] body, int length) {
        return printable(redactor.redact(new String(body, 0, length, StandardCharsets.UTF_8)));
    }

    private static String extent(int shown, long total) {
        return total < 0 ? "first " + shown + " bytes" : shown < total ? "first " + shown + " of " + total + " bytes"
                : total + " bytes";
    }

    private static String bytes(Response response, boolean read) {
        if (read) {
            return Optional.ofNullable(response.body()).map(Response.Body::length).orElse(0) + " bytes";
        }
        return MediaStreams.header(response, "Content-Length").map(String::strip).filter(v -> v.matches("\\d{1,18}"))
                .map(length -> "body streams, " + length + " bytes announced").orElse("body streams");
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /** {@code text} with control characters as {@code \xNN}: what a server sent cannot start a new log line. */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c >= 0x7f && c <= 0x9f;
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(control ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }
}
