package dev.tapedeck.http;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Scheme, host and port of a URL, with default ports filled in, so that two spellings of one origin compare equal. */
record Origin(String scheme, String host, int port) {

    /** The origin of {@code uri}, empty when it has no scheme or host. */
    static Optional<Origin> of(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return Optional.of(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
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
