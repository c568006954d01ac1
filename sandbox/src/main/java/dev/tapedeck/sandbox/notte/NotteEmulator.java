package dev.tapedeck.sandbox.notte;

import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.ProviderEmulator;
import java.time.Duration;

/**
 * The sandbox's Notte ({@code notte}), see {@link NotteApi}. Settings ({@code SandboxOptions.Builder
 * .setting("notte", key, value)}): {@link #API_KEY}, {@link #CLOSE_AFTER}, {@link #FINALISE_AFTER} and
 * {@link #RELATIVE_SEGMENTS}.
 */
public final class NotteEmulator implements ProviderEmulator {

    /** The setting of the valid bearer key. */
    public static final String API_KEY = "api_key";
    /** The key accepted unless the setting says otherwise. */
    public static final String DEFAULT_API_KEY = "sk-sandbox-notte-0123456789abcdef";
    /** The setting of how long after start the active sessions close (seconds or ISO-8601). */
    public static final String CLOSE_AFTER = "close_after";
    /** 30 s, unless the setting says otherwise. */
    public static final Duration DEFAULT_CLOSE_AFTER = Duration.ofSeconds(30);

    /** The setting of how long after closing a session's replay is finalised (seconds or ISO-8601). */
    public static final String FINALISE_AFTER = "finalise_after";
    /** 10 s, unless the setting says otherwise. */
    public static final Duration DEFAULT_FINALISE_AFTER = Duration.ofSeconds(10);

    /**
     * The setting ({@code true} or {@code false}, default false) by which HLS-only replays without expiry name their
     * segments relative to the replay's URL, served beside it on the API's origin, instead of presigned on the media
     * host.
     */
    public static final String RELATIVE_SEGMENTS = "relative_segments";

    /** Does nothing: the sandbox constructs every emulator it finds. */
    public NotteEmulator() {
    }

    @Override
    public String providerId() {
        return "notte";
    }

    @Override
    public Emulation start(EmulatorContext context) {
        return new NotteApi(context);
    }
}
