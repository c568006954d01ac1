package dev.tapedeck.provider.kataven.internal;

import dev.tapedeck.http.ConnectionSettings;
import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import dev.tapedeck.spi.ProviderConfig;
import dev.tapedeck.spi.Secret;
import io.vavr.control.Either;
import java.net.URI;
import java.util.Optional;

/**
 * The settings of one Kataven connection, read and checked at connect time so that a mistake is reported before
 * any request.
 *
 * @param apiKey    the bearer token
 * @param accountId the account slug for {@code X-Account-ID}; empty only for {@code sk_live_} keys
 * @param apiBase   the base URL with the path prefix (the {@code path_prefix} setting, else {@code /api/v1} unless
 *                  the base URL's path already ends in {@code /v1} or {@code /api/v1}), without a trailing slash
 */
record KatavenSettings(Secret apiKey, Optional<String> accountId, URI apiBase) {

    /**
     * Reads {@code config}; Unauthorized naming the variable to set when the key or the account id it needs is
     * missing, Misconfigured naming the variable to fix when something is malformed.
     */
    static Either<TapedeckError, KatavenSettings> from(ProviderConfig config) {
        Either<TapedeckError, Secret> key = ConnectionSettings.apiKey(KatavenProvider.ID, config);
        if (key.isLeft()) {
            return Either.left(key.getLeft());
        }
        Optional<String> account = config.setting(KatavenProvider.ID, KatavenProvider.ACCOUNT_ID_SETTING);
        if (account.isPresent() && !KatavenProvider.ACCOUNT_ID.matcher(account.get()).matches()) {
            return Either.left(misconfigured("KATAVEN_ACCOUNT_ID '" + printable(account.get())
                    + "' is not a Kataven account id: it must match " + KatavenProvider.ACCOUNT_ID.pattern()
                    + " (1 to 63 lower-case letters, digits, '_' or '-', starting with a letter or digit)"));
        }
        if (account.isEmpty() && !key.get().reveal().startsWith(KatavenProvider.LIVE_KEY_PREFIX)) {
            // a missing credential, like a missing key: the account id is half of what Kataven authenticates
            return Either.left(new TapedeckError.Unauthorized(KatavenProvider.ID, "kataven: KATAVEN_ACCOUNT_ID is "
                    + "not set; keys other than " + KatavenProvider.LIVE_KEY_PREFIX + "… keys need the account id, "
                    + "sent as X-Account-ID; set KATAVEN_ACCOUNT_ID (or the setting account_id) to your account "
                    + "slug"));
        }
        return ConnectionSettings.baseUrl(KatavenProvider.METADATA, config)
                .flatMap(base -> withPrefix(base, config))
                .map(apiBase -> new KatavenSettings(key.get(), account, apiBase));
    }

    /** {@code base} (already checked, without trailing slash) followed by the path prefix. */
    private static Either<TapedeckError, URI> withPrefix(URI base, ProviderConfig config) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        Optional<String> prefixSetting = config.setting(KatavenProvider.ID, KatavenProvider.PATH_PREFIX_SETTING);
        String prefix;
        if (prefixSetting.isPresent()) {
            prefix = (prefixSetting.get().startsWith("/") ? prefixSetting.get() : "/" + prefixSetting.get())
                    .replaceAll("/+$", "");
            if (!prefix.matches("(/[A-Za-z0-9._~-]+)*")) {
                return Either.left(misconfigured("KATAVEN_PATH_PREFIX '" + printable(prefixSetting.get())
                        + "' is not a URL path such as /api/v1 or /v1"));
            }
        } else {
            // A base URL ending in the API's version (https://api.kataven.ai/v1, as Kataven's introduction writes it,
            // or …/api/v1) already says where the API lives. Any other path (a gateway's https://gw/kataven) is where
            // Kataven is mounted, and the API lives below it: dropping the prefix there would turn every call into a
            // 404 that reads as "no recording".
            prefix = basePath.matches("(?i).*/(api/)?v1") ? "" : KatavenProvider.DEFAULT_PATH_PREFIX;
        }
        return Either.right(URI.create(base.getScheme() + "://" + base.getRawAuthority() + basePath + prefix));
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
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
