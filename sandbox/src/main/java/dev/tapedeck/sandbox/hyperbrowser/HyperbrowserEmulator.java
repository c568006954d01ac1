package dev.tapedeck.sandbox.hyperbrowser;

import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.ProviderEmulator;
import java.time.Duration;
import java.util.Set;

/**
 * The sandbox's Hyperbrowser ({@code hyperbrowser}), see {@link HyperbrowserEmulation}. Settings ({@code
 * SandboxOptions.Builder.setting("hyperbrowser", key, value)}): {@link #API_KEY}, {@link #STOP_AFTER} and
 * {@link #PROCESSING}.
 */
public final class HyperbrowserEmulator implements ProviderEmulator {

    /** The setting of the valid {@code x-api-key}. */
    public static final String API_KEY = "api_key";
    /** The key accepted unless the setting says otherwise. */
    public static final String DEFAULT_API_KEY = "hb_sandbox_0123456789abcdef";
    /** The setting of how long after start the active sessions stop (seconds or ISO-8601). */
    public static final String STOP_AFTER = "stop_after";
    /** 30 s, unless the setting says otherwise. */
    public static final Duration DEFAULT_STOP_AFTER = Duration.ofSeconds(30);
    /** The setting of how long a stopped session's video is {@code in_progress} before it is completed. */
    public static final String PROCESSING = "processing";
    /** 20 s, unless the setting says otherwise. */
    public static final Duration DEFAULT_PROCESSING = Duration.ofSeconds(20);

    /** Does nothing: the sandbox constructs every emulator it finds. */
    public HyperbrowserEmulator() {
    }

    @Override
    public String providerId() {
        return "hyperbrowser";
    }

    @Override
    public Set<String> credentialHeaders() {
        return Set.of("x-api-key");
    }

    @Override
    public Emulation start(EmulatorContext context) {
        return new HyperbrowserEmulation(context);
    }
}
