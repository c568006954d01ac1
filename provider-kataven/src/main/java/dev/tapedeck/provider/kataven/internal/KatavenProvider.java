package dev.tapedeck.provider.kataven.internal;

import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.ProviderMetadata;
import dev.tapedeck.ProviderSetting;
import dev.tapedeck.SpiVersion;
import dev.tapedeck.model.RecordingFormat;
import dev.tapedeck.retry.RateLimit;
import java.time.Duration;
import java.util.regex.Pattern;

/** The facts about Kataven Hub that the factory, the connection and the adapters share. */
public final class KatavenProvider {

    /** The provider id. */
    public static final String ID = "kataven";

    /** The path prefix of the API reference; its introduction says {@code /v1}, so the prefix is configurable. */
    public static final String DEFAULT_PATH_PREFIX = "/api/v1";

    /** Kataven's rule for account ids (slugs). */
    public static final Pattern ACCOUNT_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,62}$");

    /** Long-lived keys carry their account in this prefix, so they need no {@code X-Account-ID}. */
    public static final String LIVE_KEY_PREFIX = "sk_live_";

    /** How long a presigned URL lives when the answer does not say: Kataven documents five minutes. */
    public static final Duration DEFAULT_URL_LIFETIME = Duration.ofMinutes(5);

    /** The account slug, sent as {@code X-Account-ID}; needed by every key but {@code sk_live_} ones. */
    public static final ProviderSetting ACCOUNT_ID_SETTING = ProviderSetting.of("account_id",
            "the account id (slug) sent as X-Account-ID; needed unless the key starts with sk_live_");

    /** Where the API lives below the base URL. */
    public static final ProviderSetting PATH_PREFIX_SETTING = ProviderSetting.of("path_prefix",
            "the API's path below the base URL (default /api/v1, none when the base URL ends in /v1)");

    /**
     * What Kataven's rate limit page ({@code docs.kataven.ai/concepts/rate-limits}) allows one tenant: 60 requests a
     * minute, 1,000 an hour, 10,000 a day, 20 at the same time; beyond them it answers 429 with Retry-After.
     */
    public static final RateLimit RATE_LIMIT = RateLimit.of(60, Duration.ofMinutes(1)).and(1_000, Duration.ofHours(1))
            .and(10_000, Duration.ofDays(1)).withAtOnce(20);

    /** Recordings only; no published session history, no pause or resume; the documented {@link #RATE_LIMIT}. */
    public static final ProviderMetadata METADATA = ProviderMetadata.builder(ID, "Kataven Hub", SpiVersion.CURRENT)
            .documentation("https://docs.kataven.ai")
            .defaultBaseUrl("https://api.kataven.ai")
            .settings(ACCOUNT_ID_SETTING, PATH_PREFIX_SETTING)
            .capabilities(Capabilities.builder()
                    .supports(Capability.LIST_RECORDINGS, Capability.PRIMARY_RECORDING, Capability.WAIT_UNTIL_READY)
                    .build())
            .recordingFormats(RecordingFormat.AUDIO)
            .rateLimit(RATE_LIMIT)
            .build();

    private KatavenProvider() {
    }
}
