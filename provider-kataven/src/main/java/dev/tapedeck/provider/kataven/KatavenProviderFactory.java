package dev.tapedeck.provider.kataven;

import dev.tapedeck.ProviderSetting;
import dev.tapedeck.http.HttpProviderFactory;
import dev.tapedeck.provider.kataven.internal.KatavenConnection;
import dev.tapedeck.provider.kataven.internal.KatavenProvider;

/**
 * The Kataven Hub provider ({@code kataven}): a voice-agent call's audio recording, reached through a short-lived
 * presigned URL.
 *
 * <p>{@link #connect} reads the API key (explicit, else {@code KATAVEN_API_KEY}); the account id (setting
 * {@code account_id}, else {@code KATAVEN_ACCOUNT_ID}), sent as {@code X-Account-ID} and required unless the key is
 * an {@code sk_live_} key; the base URL (explicit, else {@code KATAVEN_BASE_URL}, else
 * {@code https://api.kataven.ai}); and the path prefix (setting {@code path_prefix}, else
 * {@code KATAVEN_PATH_PREFIX}, else {@code /api/v1}, or nothing when the base URL's path already ends in
 * {@code /v1} or {@code /api/v1}). Kataven publishes no session history and no pause or resume: those answer
 * Unsupported. Construction does no work.
 */
public final class KatavenProviderFactory extends HttpProviderFactory {

    /** The account id setting, for {@code ProviderConfig.builder().setting(ACCOUNT_ID, "acme")}. */
    public static final ProviderSetting ACCOUNT_ID = KatavenProvider.ACCOUNT_ID_SETTING;

    /** The path prefix setting, for an API mounted elsewhere than {@code /api/v1}. */
    public static final ProviderSetting PATH_PREFIX = KatavenProvider.PATH_PREFIX_SETTING;

    /** Does nothing: discovery constructs every factory on the classpath. */
    public KatavenProviderFactory() {
        super(KatavenProvider.METADATA, KatavenConnection::open);
    }
}
