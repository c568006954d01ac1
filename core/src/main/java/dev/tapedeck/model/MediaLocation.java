package dev.tapedeck.model;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a recording's bytes are and how to reach them.
 *
 * <p>{@link RemoteUrl} is fetched without credentials (it is usually presigned), {@link InlinePlaylist}
 * carries HLS text whose segment URLs are fetched the same way, and {@link ProviderStream} is opened through
 * the provider with its credentials. {@code toString} never prints a query string, which may hold a signature.
 */
public sealed interface MediaLocation {

    /** When the location stops working, if the provider said so. */
    Optional<Instant> expiresAt();

    /** Whether the location is past its expiry at {@code now}. */
    default boolean isExpiredAt(Instant now) {
        return expiresAt().map(expiry -> !now.isBefore(expiry)).orElse(false);
    }

    /**
     * A URL, usually presigned, on any origin.
     *
     * @param uri       the absolute http(s) URL
     * @param expiresAt when the URL expires
     */
    record RemoteUrl(URI uri, Optional<Instant> expiresAt) implements MediaLocation {
        /** Requires an absolute URI. */
        public RemoteUrl {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(expiresAt, "expiresAt");
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("media URL must be absolute: " + Redaction.url(uri));
            }
        }

        @Override
        public String toString() {
            return "RemoteUrl[" + Redaction.url(uri) + ", expiresAt=" + expiresAt.map(Instant::toString).orElse("unknown") + "]";
        }
    }

    /**
     * An HLS playlist delivered inline; its segment URIs are absolute or relative to {@code base}.
     *
     * @param content   the m3u8 text
     * @param base      the URL the playlist's relative URIs resolve against, when there is one
     * @param expiresAt when the segment URLs expire
     */
    record InlinePlaylist(String content, Optional<URI> base, Optional<Instant> expiresAt) implements MediaLocation {
        /** Requires the playlist text. */
        public InlinePlaylist {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "InlinePlaylist[" + content.length() + " chars, expiresAt="
                    + expiresAt.map(Instant::toString).orElse("unknown") + "]";
        }
    }

    /**
     * Media that only the provider's authenticated API serves, such as AnchorBrowser's primary recording.
     *
     * @param description what the stream is, for messages (never a secret)
     */
    record ProviderStream(String description) implements MediaLocation {
        /** Requires a description. */
        public ProviderStream {
            Objects.requireNonNull(description, "description");
        }

        @Override
        public Optional<Instant> expiresAt() {
            return Optional.empty();
        }
    }
}
