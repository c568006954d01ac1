package dev.tapedeck.sandbox.steel;

import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.ProviderEmulator;
import java.time.Duration;
import java.util.Set;

/**
 * The sandbox's Steel ({@code steel}), see {@link SteelEmulation}. Settings ({@code
 * SandboxOptions.Builder.setting("steel", key, value)}): {@link #API_KEY}, {@link #RELEASE_AFTER} and
 * {@link #RELATIVE_SEGMENTS}.
 */
public final class SteelEmulator implements ProviderEmulator {

    /** The setting of the valid {@code steel-api-key}. */
    public static final String API_KEY = "api_key";
    /** The key accepted unless the setting says otherwise. */
    public static final String DEFAULT_API_KEY = "ste-sandbox-0123456789abcdef";
    /** The setting of how long after start the live sessions are released (seconds or ISO-8601). */
    public static final String RELEASE_AFTER = "release_after";
    /** 30 s, unless the setting says otherwise. */
    public static final Duration DEFAULT_RELEASE_AFTER = Duration.ofSeconds(30);

    /**
     * The setting ({@code true} or {@code false}, default false) by which a playlist names its segments relative to
     * itself ({@code hls/segment0.ts}), served by the API with the key, instead of presigned on the media host:
     * Steel's guide sets the key on every request of its player, which suggests the former; it does not say.
     */
    public static final String RELATIVE_SEGMENTS = "relative_segments";

    /** Does nothing: the sandbox constructs every emulator it finds. */
    public SteelEmulator() {
    }

    @Override
    public String providerId() {
        return "steel";
    }

    @Override
    public Set<String> credentialHeaders() {
        return Set.of("steel-api-key");
    }

    @Override
    public Emulation start(EmulatorContext context) {
        return new SteelEmulation(context);
    }
}
