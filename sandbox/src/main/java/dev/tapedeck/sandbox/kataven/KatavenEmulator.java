package dev.tapedeck.sandbox.kataven;

import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.ProviderEmulator;
import java.time.Duration;
import java.util.Set;

/**
 * The sandbox's Kataven Hub ({@code kataven}), see {@link KatavenApi}. Settings ({@code SandboxOptions.Builder
 * .setting("kataven", key, value)}): {@link #TOKEN}, {@link #LIVE_KEY}, {@link #ACCOUNT_ID}, {@link #READY_AFTER},
 * {@link #READY_AFTER_POLLS}, {@link #REQUESTS_PER_MINUTE} and {@link #CALLS}.
 */
public final class KatavenEmulator implements ProviderEmulator {

    /** The setting of the valid token, a JWT-like one that needs {@code X-Account-ID}. */
    public static final String TOKEN = "token";
    /** The token accepted unless the setting says otherwise. */
    public static final String DEFAULT_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzYW5kYm94In0.sandbox";
    /** The setting of the long-lived key, {@code sk_live_<account>_<rest>}, which needs no X-Account-ID. */
    public static final String LIVE_KEY = "live_key";
    /** The long-lived key unless the setting says otherwise (with the default account id). */
    public static final String DEFAULT_LIVE_KEY = "sk_live_sandbox_0123456789abcdef";
    /** The setting of the account id the token belongs to. */
    public static final String ACCOUNT_ID = "account_id";
    /** The account id unless the setting says otherwise. */
    public static final String DEFAULT_ACCOUNT_ID = "sandbox";
    /** The setting of how long after start the clock-driven processing recordings become ready. */
    public static final String READY_AFTER = "ready_after";
    /** 30 s, unless the setting says otherwise. */
    public static final Duration DEFAULT_READY_AFTER = Duration.ofSeconds(30);
    /** The setting of how many 409 answers the poll-driven processing recording gives before it is ready. */
    public static final String READY_AFTER_POLLS = "ready_after_polls";
    /** 3, unless the setting says otherwise. */
    public static final int DEFAULT_READY_AFTER_POLLS = 3;

    /**
     * The setting of how many requests the API answers in any minute of the sandbox's clock, as Kataven documents
     * its per-tenant limit; beyond it a 429 with Retry-After. 0 turns the limit off.
     */
    public static final String REQUESTS_PER_MINUTE = "requests_per_minute";
    /** 60, Kataven's documented limit, unless the setting says otherwise. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 60;
    /** The setting of how many calls are seeded; those beyond the twelve of {@link KatavenSeed} are ready. */
    public static final String CALLS = "calls";

    /** Does nothing: the sandbox constructs every emulator it finds. */
    public KatavenEmulator() {
    }

    @Override
    public String providerId() {
        return "kataven";
    }

    @Override
    public Set<String> credentialHeaders() {
        return Set.of("Authorization", "X-Account-ID");
    }

    @Override
    public Emulation start(EmulatorContext context) {
        return new KatavenApi(context);
    }
}
