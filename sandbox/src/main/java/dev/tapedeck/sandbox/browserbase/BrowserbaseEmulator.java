package dev.tapedeck.sandbox.browserbase;

import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.ProviderEmulator;
import java.time.Duration;
import java.util.Set;

/**
 * The sandbox's Browserbase ({@code browserbase}), see {@link BrowserbaseEmulation}. Settings ({@code
 * SandboxOptions.Builder.setting("browserbase", key, value)}): {@link #API_KEY} and {@link #END_AFTER}.
 */
public final class BrowserbaseEmulator implements ProviderEmulator {

    /** The setting of the valid {@code X-BB-API-Key}. */
    public static final String API_KEY = "api_key";
    /** The key accepted unless the setting says otherwise. */
    public static final String DEFAULT_API_KEY = "bb_sandbox_0123456789abcdef";
    /** The setting of how long after start the running sessions end (seconds or ISO-8601). */
    public static final String END_AFTER = "end_after";
    /** 30 s, unless the setting says otherwise. */
    public static final Duration DEFAULT_END_AFTER = Duration.ofSeconds(30);

    /** Does nothing: the sandbox constructs every emulator it finds. */
    public BrowserbaseEmulator() {
    }

    @Override
    public String providerId() {
        return "browserbase";
    }

    @Override
    public Set<String> credentialHeaders() {
        return Set.of("X-BB-API-Key");
    }

    @Override
    public Emulation start(EmulatorContext context) {
        return new BrowserbaseEmulation(context);
    }
}
