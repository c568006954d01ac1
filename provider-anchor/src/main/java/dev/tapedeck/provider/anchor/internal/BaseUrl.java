package dev.tapedeck.provider.anchor.internal;

import dev.tapedeck.http.UrlPolicy;
import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import io.vavr.control.Either;
import java.net.URI;
import java.net.URISyntaxException;

/** Reads the configured base URL: explicit, else {@code ANCHOR_BASE_URL}, else the public API. */
final class BaseUrl {

    private BaseUrl() {
    }

    /** The base URL without a trailing slash, or Misconfigured saying what is wrong with the configured one. */
    static Either<TapedeckError, URI> from(ProviderConfig config) {
        if (config.baseUrl(AnchorProvider.ID).isEmpty()) {
            return Either.right(AnchorProvider.DEFAULT_BASE_URL);
        }
        String text = config.baseUrl(AnchorProvider.ID).get().strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException malformed) {
            return Either.left(problem(Redaction.url(text), "it is not a URL"));
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
            return Either.left(problem(Redaction.url(text), "it is not an absolute http(s) URL"));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Either.left(problem(Redaction.url(uri), "it has a query or fragment"));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        URI trimmed = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
        return UrlPolicy.check(AnchorProvider.ID, trimmed)
                .mapLeft(refused -> problem(Redaction.url(uri), refused.message()));
    }

    private static TapedeckError problem(String shown, String why) {
        return new TapedeckError.Misconfigured(AnchorProvider.ID, "anchor: the base URL " + shown
                + " cannot be used (" + why + "); fix ANCHOR_BASE_URL or the explicit base URL, e.g. "
                + AnchorProvider.DEFAULT_BASE_URL);
    }
}
