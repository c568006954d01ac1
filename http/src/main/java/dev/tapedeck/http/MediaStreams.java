package dev.tapedeck.http;

import dev.tapedeck.MediaStream;
import dev.tapedeck.model.TapedeckError;
import feign.Response;
import io.vavr.control.Either;
import java.io.InputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a successful response into a {@link MediaStream} without buffering it, with the validators a later range
 * request needs (ETag, Last-Modified), checking that a ranged answer starts where it was asked to: a 206 from
 * another byte is an Integrity error, a 200 means the range was ignored and the body starts at 0.
 */
final class MediaStreams {

    private static final Pattern CONTENT_RANGE = Pattern.compile("(?i)\\s*bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)\\s*");
    private static final Pattern RANGE = Pattern.compile("(?i)\\s*bytes=(\\d{1,18})-\\s*");

    private MediaStreams() {
    }

    /** The offset a request asked for through its {@code Range: bytes=N-} header, 0 without one. */
    static long requestedOffset(Response response) {
        if (response.request() == null) {
            return 0;
        }
        return first(response.request().headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Range")).map(java.util.Map.Entry::getValue)
                .findFirst().orElse(java.util.List.of()))
                .map(RANGE::matcher).filter(Matcher::matches).map(m -> Long.parseLong(m.group(1))).orElse(0L);
    }

    /** The URL {@code response} answered, which relative URIs in its body resolve against. */
    private static Optional<java.net.URI> source(Response response) {
        try {
            return response.request() == null ? Optional.empty()
                    : Optional.of(new java.net.URI(response.request().url()));
        } catch (java.net.URISyntaxException unparsable) {
            return Optional.empty();
        }
    }

    /**
     * The 2xx {@code response} as a stream, with the URL it answered as its source; closes it and returns Integrity
     * when its range does not fit.
     */
    static Either<TapedeckError, MediaStream> from(String providerId, Response response, long requestedOffset) {
        Optional<Long> length = header(response, "Content-Length").flatMap(MediaStreams::number);
        Optional<String> etag = header(response, "ETag");
        Optional<String> lastModified = header(response, "Last-Modified");
        Optional<String> type = header(response, "Content-Type");
        long offset = 0;
        Optional<Long> total = length;
        if (response.status() == 206) {
            Optional<Matcher> range = header(response, "Content-Range").map(CONTENT_RANGE::matcher).filter(Matcher::matches);
            if (range.isEmpty()) {
                response.close();
                return Either.left(new TapedeckError.Integrity(providerId, providerId
                        + ": the server sent part of the media (HTTP 206) without a valid Content-Range; download it again from the start"));
            }
            offset = Long.parseLong(range.get().group(1));
            if (offset != requestedOffset) {
                response.close();
                return Either.left(new TapedeckError.Integrity(providerId, providerId + ": asked for the media from byte "
                        + requestedOffset + " but the server sent bytes from " + offset
                        + "; download it again from the start"));
            }
            String totalText = range.get().group(3);
            total = "*".equals(totalText) ? Optional.empty() : number(totalText);
        }
        InputStream body;
        try {
            body = response.body() == null ? InputStream.nullInputStream() : response.body().asInputStream();
        } catch (java.io.IOException unreadable) {
            response.close();
            return Either.left(new TapedeckError.Transport(providerId, providerId
                    + ": could not start reading the media body; try again"));
        }
        Optional<String> encoding = header(response, "Content-Encoding")
                .filter(value -> !value.isBlank() && !value.strip().equalsIgnoreCase("identity"));
        if (encoding.isEmpty()) {
            return Either.right(new MediaStream(body, offset, length, total, etag, lastModified, type,
                    source(response)));
        }
        return decoded(providerId, response, body, encoding.get(), type);
    }

    /**
     * A body sent with a {@code Content-Encoding}, though none was asked for (a stored object that keeps its
     * encoding, such as gzip-compressed events). Feign's client has already decoded {@code gzip} and
     * {@code deflate}, spelled exactly so (as it tests them), as a browser would, into the media itself; but the length, range and validators of the answer describe the encoded bytes,
     * so the decoded media has no known length and is never resumed by range. Any other encoding, or a part of an
     * encoded body, is refused.
     */
    private static Either<TapedeckError, MediaStream> decoded(String providerId, Response response, InputStream body,
            String encoding, Optional<String> type) {
        if (!encoding.equals("gzip") && !encoding.equals("deflate")) {
            response.close();
            return Either.left(new TapedeckError.Integrity(providerId, providerId + ": the server sent the media "
                    + "encoded as '" + encoding + "' (Content-Encoding), which is not decoded here; nothing was kept"));
        }
        if (response.status() == 206) {
            response.close();
            return Either.left(new TapedeckError.Integrity(providerId, providerId + ": the server sent part of a "
                    + encoding + "-encoded media (HTTP 206), which cannot be joined to the rest; download it again"));
        }
        return Either.right(new MediaStream(body, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), type, source(response)));
    }

    static Optional<String> header(Response response, String name) {
        // a Response's headers are always Feign's case-insensitive copy, whatever built it
        return first(response.headers().get(name));
    }

    private static Optional<String> first(Collection<String> values) {
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.iterator().next());
    }

    /** {@code text}, blanks around it ignored, as a whole number of 1 to 18 digits (no sign); else empty. */
    static Optional<Long> number(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 18) {
            return Optional.empty();
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(t));
    }
}
