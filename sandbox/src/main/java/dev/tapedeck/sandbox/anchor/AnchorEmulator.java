package dev.tapedeck.sandbox.anchor;

import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.ProviderEmulator;
import java.util.Set;

/**
 * The sandbox's AnchorBrowser ({@code anchor}), see {@link AnchorApi}. Settings ({@code SandboxOptions.Builder
 * .setting("anchor", key, value)}): {@link #API_KEY} and {@link #LARGE_RECORDING_BYTES}.
 */
public final class AnchorEmulator implements ProviderEmulator {

    /** The setting of the valid {@code anchor-api-key}. */
    public static final String API_KEY = "api_key";
    /** The key accepted unless the setting says otherwise. */
    public static final String DEFAULT_API_KEY = "sk-sandbox-anchor-0123456789abcdef";
    /** The setting of the size of the large generated recording of {@code sess_0003}, in bytes. */
    public static final String LARGE_RECORDING_BYTES = "large_recording_bytes";
    /** 3 MiB, unless the setting says otherwise. */
    public static final long DEFAULT_LARGE_RECORDING_BYTES = 3L * 1024 * 1024;

    /** Does nothing: the sandbox constructs every emulator it finds. */
    public AnchorEmulator() {
    }

    @Override
    public String providerId() {
        return "anchor";
    }

    @Override
    public Set<String> credentialHeaders() {
        return Set.of("anchor-api-key");
    }

    @Override
    public Emulation start(EmulatorContext context) {
        return new AnchorApi(context);
    }
}
