package dev.tapedeck.sandbox.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * An absolute URL on the sandbox's media host, signed until {@code expiresAt} by the sandbox clock.
 *
 * @param url       the URL with its {@code expires} and {@code signature} query
 * @param expiresAt when the media host starts refusing it
 */
public record PresignedLink(String url, Instant expiresAt) {

    /** Checks for nulls. */
    public PresignedLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
