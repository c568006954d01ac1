package dev.tapedeck.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the URL text providers send in their answers (media links, presigned URLs) into absolute http(s) URIs.
 * Whether such a URL may then be fetched is {@link UrlPolicy}'s call, made when it is fetched.
 */
public final class Urls {

    private Urls() {
    }

    /** {@code text} as an absolute http or https URL with an authority; empty when blank, malformed or anything else. */
    public static Optional<URI> absoluteHttp(String text) {
        return parse(text).flatMap(Urls::httpOnly);
    }

    /** {@code text} as an absolute http(s) URL, a relative reference resolved against {@code base} first. */
    public static Optional<URI> absoluteHttp(String text, URI base) {
        Objects.requireNonNull(base, "base");
        return parse(text).flatMap(uri -> {
            try {
                return Optional.of(uri.isAbsolute() ? uri : base.resolve(uri));
            } catch (IllegalArgumentException unresolvable) {
                return Optional.empty();
            }
        }).flatMap(Urls::httpOnly);
    }

    private static Optional<URI> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(text.strip()));
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<URI> httpOnly(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean http = scheme.equals("https") || scheme.equals("http");
        return http && !uri.isOpaque() && uri.getRawAuthority() != null ? Optional.of(uri) : Optional.empty();
    }
}
