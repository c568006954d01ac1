package dev.tapedeck.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Scheme, host and port of a URL, with default ports filled in and scheme and host lower-cased, so that two
 * spellings of one origin compare equal. The kit sends credentials only to its base URL's origin; a provider uses
 * this to tell whether a link it was given needs them.
 *
 * @param scheme the scheme, lower-case
 * @param host   the host, lower-case
 * @param port   the port; 443 for https and 80 for http when the URL names none, else -1 when it names none
 */
public record Origin(String scheme, String host, int port) {

    /** Checks for nulls and lower-cases scheme and host. */
    public Origin {
        scheme = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
        host = Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT);
    }

    /** The origin of {@code uri}, empty when it has no scheme or host. */
    public static Optional<Origin> of(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return Optional.of(new Origin(scheme, uri.getHost(), port));
    }

    // Written out rather than generated: a record's generated equals is bootstrapped through ObjectMethods on first
    // use, some 20 ms of method-handle spinning in a fresh JVM, and every API call compares its origin.
    @Override
    public boolean equals(Object other) {
        return other instanceof Origin that && port == that.port && scheme.equals(that.scheme)
                && host.equals(that.host);
    }

    @Override
    public int hashCode() {
        return (scheme.hashCode() * 31 + host.hashCode()) * 31 + port;
    }

    /** The origin of {@code url}, empty when it does not parse. */
    static Optional<Origin> of(String url) {
        try {
            return of(URI.create(url));
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }
}
