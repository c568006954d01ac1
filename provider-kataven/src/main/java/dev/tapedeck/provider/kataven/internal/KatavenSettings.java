package dev.tapedeck.provider.kataven.internal;

import dev.tapedeck.http.UrlPolicy;
import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Secret;
import io.vavr.control.Either;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The settings of one Kataven connection, read and checked at connect time so that a mistake is reported before
 * any request.
 *
 * @param apiKey    the bearer token
 * @param accountId the account slug for {@code X-Account-ID}; empty only for {@code sk_live_} keys
 * @param apiBase   the base URL with the path prefix, without a trailing slash
 */
record KatavenSettings(Secret apiKey, Optional<String> accountId, URI apiBase) {

    /** Reads {@code config}; Misconfigured naming the variable to fix when something is missing or malformed. */
    static Either<TapedeckError, KatavenSettings> from(ProviderConfig config) {
        Optional<Secret> key = config.apiKey(KatavenProvider.ID);
        if (key.isEmpty()) {
            return Either.left(misconfigured("no API key; set KATAVEN_API_KEY or pass one with "
                    + "ProviderConfig.builder().apiKey(..)"));
        }
        Optional<String> account = config.setting(KatavenProvider.ID, "account_id").map(String::strip);
        if (account.isPresent() && !KatavenProvider.ACCOUNT_ID.matcher(account.get()).matches()) {
            return Either.left(misconfigured("KATAVEN_ACCOUNT_ID '" + printable(account.get())
                    + "' is not a Kataven account id: it must match " + KatavenProvider.ACCOUNT_ID.pattern()
                    + " (1 to 63 lower-case letters, digits, '_' or '-', starting with a letter or digit)"));
        }
        if (account.isEmpty() && !key.get().reveal().startsWith(KatavenProvider.LIVE_KEY_PREFIX)) {
            return Either.left(misconfigured("KATAVEN_ACCOUNT_ID is not set; keys other than "
                    + KatavenProvider.LIVE_KEY_PREFIX + "… keys need the account id, sent as X-Account-ID; set "
                    + "KATAVEN_ACCOUNT_ID (or the setting account_id) to your account slug"));
        }
        return apiBase(config).map(base -> new KatavenSettings(key.get(), account, base));
    }

    private static Either<TapedeckError, URI> apiBase(ProviderConfig config) {
        URI base = KatavenProvider.DEFAULT_BASE_URL;
        Optional<String> configured = config.baseUrl(KatavenProvider.ID).map(String::strip);
        if (configured.isPresent()) {
            try {
                base = new URI(configured.get());
            } catch (URISyntaxException malformed) {
                return Either.left(badBase(Redaction.url(configured.get()), "it is not a URL"));
            }
            if (!base.isAbsolute() || base.getRawAuthority() == null) {
                return Either.left(badBase(Redaction.url(configured.get()), "it is not an absolute http(s) URL"));
            }
            if (base.getRawQuery() != null || base.getRawFragment() != null) {
                return Either.left(badBase(Redaction.url(base), "it has a query or fragment"));
            }
        }
        String basePath = trimSlashes(base.getRawPath());
        Optional<String> prefixSetting = config.setting(KatavenProvider.ID, "path_prefix").map(String::strip);
        String prefix;
        if (prefixSetting.isPresent()) {
            prefix = trimSlashes(prefixSetting.get().startsWith("/") ? prefixSetting.get() : "/" + prefixSetting.get());
            if (!prefix.matches("(/[A-Za-z0-9._~-]+)*")) {
                return Either.left(misconfigured("KATAVEN_PATH_PREFIX '" + printable(prefixSetting.get())
                        + "' is not a URL path such as /api/v1 or /v1"));
            }
        } else {
            // A base URL that carries its own path (https://api.kataven.ai/v1, as Kataven's introduction writes it)
            // already says where the API lives; the default prefix applies only to a bare host.
            prefix = basePath.isEmpty() ? KatavenProvider.DEFAULT_PATH_PREFIX : "";
        }
        URI apiBase = URI.create(base.getScheme() + "://" + base.getRawAuthority() + basePath + prefix);
        URI shown = base;
        return UrlPolicy.check(KatavenProvider.ID, apiBase)
                .mapLeft(refused -> badBase(Redaction.url(shown), refused.message()));
    }

    private static String trimSlashes(String path) {
        return path == null ? "" : path.replaceAll("/+$", "");
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static TapedeckError badBase(String shown, String why) {
        return misconfigured("the base URL " + shown + " cannot be used (" + why + "); fix KATAVEN_BASE_URL or the "
                + "explicit base URL, e.g. " + KatavenProvider.DEFAULT_BASE_URL);
    }

    private static TapedeckError misconfigured(String what) {
        return new TapedeckError.Misconfigured(KatavenProvider.ID, "kataven: " + what);
    }

    @Override
    public String toString() {
        return "KatavenSettings[apiKey=****, accountId=" + accountId.orElse("(from key)") + ", apiBase="
                + Redaction.url(apiBase) + "]";
    }
}
