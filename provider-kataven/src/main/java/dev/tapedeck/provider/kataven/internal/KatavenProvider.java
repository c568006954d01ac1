package dev.tapedeck.provider.kataven.internal;

import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/** The facts about Kataven Hub that the factory, the connection and the adapters share. */
public final class KatavenProvider {

    /** The provider id. */
    public static final String ID = "kataven";

    /** The name for people. */
    public static final String DISPLAY_NAME = "Kataven Hub";

    /** The public API host, unless {@code KATAVEN_BASE_URL} or an explicit base URL says otherwise. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.kataven.ai");

    /** The path prefix of the API reference; its introduction says {@code /v1}, so the prefix is configurable. */
    public static final String DEFAULT_PATH_PREFIX = "/api/v1";

    /** Kataven's rule for account ids (slugs). */
    public static final Pattern ACCOUNT_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,62}$");

    /** Long-lived keys carry their account in this prefix, so they need no {@code X-Account-ID}. */
    public static final String LIVE_KEY_PREFIX = "sk_live_";

    /** How long a presigned URL lives when the answer does not say: Kataven documents five minutes. */
    public static final Duration DEFAULT_URL_LIFETIME = Duration.ofMinutes(5);

    /** Recordings only; no published session history, no pause or resume. */
    public static final Capabilities CAPABILITIES = Capabilities.builder()
            .supports(Capability.LIST_RECORDINGS, Capability.PRIMARY_RECORDING, Capability.WAIT_UNTIL_READY)
            .build();

    private KatavenProvider() {
    }
}
