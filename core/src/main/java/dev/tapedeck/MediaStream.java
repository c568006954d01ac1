package dev.tapedeck;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An open body of media bytes. Close it when done, also after a failure.
 *
 * @param body         the bytes, streamed, never buffered whole
 * @param offset       the position of the first byte of {@code body} in the whole resource (0 when a range was
 *                     ignored)
 * @param length       the number of bytes {@code body} will deliver, when the server said (Content-Length)
 * @param totalSize    the size of the whole resource, when known (Content-Range total, or Content-Length from 0)
 * @param etag         the server's entity tag (ETag), quotes and any {@code W/} included
 * @param lastModified the server's Last-Modified date, as sent
 * @param contentType  the server's media type
 * @param source       the URL the bytes finally came from (after any redirect), when the opener knows it: relative
 *                     URIs in a playlist served here resolve against it
 */
public record MediaStream(InputStream body, long offset, Optional<Long> length, Optional<Long> totalSize,
        Optional<String> etag, Optional<String> lastModified, Optional<String> contentType, Optional<URI> source)
        implements Closeable {

    /** Checks for nulls. */
    public MediaStream {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(totalSize, "totalSize");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(source, "source");
    }

    /** A stream whose source URL is not known. */
    public MediaStream(InputStream body, long offset, Optional<Long> length, Optional<Long> totalSize,
            Optional<String> etag, Optional<String> lastModified, Optional<String> contentType) {
        this(body, offset, length, totalSize, etag, lastModified, contentType, Optional.empty());
    }

    /** This stream as served from {@code url}. */
    public MediaStream from(URI url) {
        return new MediaStream(body, offset, length, totalSize, etag, lastModified, contentType, Optional.of(url));
    }

    /** A stream whose server sent no Last-Modified. */
    public MediaStream(InputStream body, long offset, Optional<Long> length, Optional<Long> totalSize,
            Optional<String> etag, Optional<String> contentType) {
        this(body, offset, length, totalSize, etag, Optional.empty(), contentType);
    }

    /**
     * What a later range request sends as {@code If-Range} so that it gets the rest of these very bytes or, when
     * the resource changed, all of the new one: the strong ETag, else the Last-Modified date; empty when the server
     * gave neither (a weak ETag does not count, RFC 9110 forbids it in If-Range).
     */
    public Optional<String> validator() {
        Optional<String> strong = etag.map(String::strip).filter(tag -> tag.startsWith("\"") && tag.length() > 1);
        return strong.or(() -> lastModified.map(String::strip).filter(date -> !date.isEmpty()));
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    @Override
    public String toString() {
        return "MediaStream[offset=" + offset + ", length=" + length.map(String::valueOf).orElse("unknown")
                + ", totalSize=" + totalSize.map(String::valueOf).orElse("unknown") + ", source="
                + source.map(dev.tapedeck.model.Redaction::url).orElse("unknown") + "]";
    }
}
