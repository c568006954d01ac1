package dev.tapedeck.http;

import dev.tapedeck.Connection;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Secret;
import io.vavr.control.Either;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads the two settings every HTTP provider needs, the API key and the base URL, from a {@link ProviderConfig}
 * (explicit values, else {@code <ID>_API_KEY} and {@code <ID>_BASE_URL}), at connect time so that a mistake is
 * reported before any request. A missing key is {@link TapedeckError.Unauthorized}, an unusable base URL
 * {@link TapedeckError.Misconfigured}; each names the variable to fix and never shows a key, a query string or
 * user-info.
 */
public final class ConnectionSettings {

    private ConnectionSettings() {
    }

    /**
     * The configured API key of {@code providerId}, or Unauthorized telling to set {@code <ID>_API_KEY}: without a
     * key no call could be authorized, and the CLI reports it as it reports a refused key (exit 4).
     */
    public static Either<TapedeckError, Secret> apiKey(String providerId, ProviderConfig config) {
        Optional<Secret> key = config.apiKey(Objects.requireNonNull(providerId, "providerId"));
        if (key.isPresent()) {
            return Either.right(key.get());
        }
        return Either.left(new TapedeckError.Unauthorized(providerId, providerId + ": no API key; set "
                + StandardErrors.envPrefix(providerId) + "_API_KEY (or, in Java, use ProviderConfig.builder().apiKey(..))"));
    }

    /**
     * The base URL of {@code providerId}: the configured one (explicit, else {@code <ID>_BASE_URL}) with trailing
     * slashes removed from its path, else {@code defaultBaseUrl} as given. The configured one must be an absolute
     * URL with a host, without query, fragment or user-info, and pass {@link UrlPolicy} (https, or http on loopback);
     * otherwise Misconfigured naming {@code <ID>_BASE_URL}, what is wrong, and {@code defaultBaseUrl} as an example.
     */
    public static Either<TapedeckError, URI> baseUrl(String providerId, ProviderConfig config, URI defaultBaseUrl) {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
        Optional<String> configured = config.baseUrl(providerId).map(String::strip);
        if (configured.isEmpty()) {
            return Either.right(defaultBaseUrl);
        }
        String text = configured.get();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException malformed) {
            return Either.left(unusable(providerId, defaultBaseUrl, Redaction.url(text), "it is not a URL"));
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
            return Either.left(unusable(providerId, defaultBaseUrl, Redaction.url(text),
                    "it is not an absolute http(s) URL"));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Either.left(unusable(providerId, defaultBaseUrl, Redaction.url(uri), "it has a query or fragment"));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        URI trimmed = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
        return UrlPolicy.check(providerId, trimmed)
                .mapLeft(refused -> unusable(providerId, defaultBaseUrl, Redaction.url(uri), refused.message()));
    }

    /** {@link #baseUrl(String, ProviderConfig, URI)} for the provider {@code metadata} describes, with its default. */
    public static Either<TapedeckError, URI> baseUrl(ProviderMetadata metadata, ProviderConfig config) {
        return baseUrl(metadata.id(), config, metadata.defaultBaseUrl());
    }

    /**
     * The API key and base URL of the provider {@code metadata} describes, read as {@link #apiKey} and
     * {@link #baseUrl(ProviderMetadata, ProviderConfig)} read them, handed to {@code open}; the first that is missing
     * or unusable is the error instead.
     */
    public static Either<TapedeckError, Connection> connect(ProviderMetadata metadata, ProviderConfig config,
            BiFunction<Secret, URI, Connection> open) {
        return apiKey(metadata.id(), config).flatMap(key -> baseUrl(metadata, config).map(base -> open.apply(key, base)));
    }

    private static TapedeckError unusable(String providerId, URI example, String shown, String why) {
        return new TapedeckError.Misconfigured(providerId, providerId + ": the base URL " + shown
                + " cannot be used (" + why + "); fix " + StandardErrors.envPrefix(providerId)
                + "_BASE_URL or the explicit base URL, e.g. " + example);
    }
}
