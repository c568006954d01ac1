package dev.tapedeck.sandbox.kernel;

import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.sandbox.spi.EmulatorContext;
import dev.tapedeck.sandbox.spi.ProviderEmulator;
import java.time.Duration;

/**
 * The sandbox's Kernel ({@code kernel}), see {@link KernelEmulation}. Settings ({@code
 * SandboxOptions.Builder.setting("kernel", key, value)}): {@link #API_KEY} and {@link #FINISH_AFTER}.
 */
public final class KernelEmulator implements ProviderEmulator {

    /** The setting of the valid bearer key. */
    public static final String API_KEY = "api_key";
    /** The key accepted unless the setting says otherwise. */
    public static final String DEFAULT_API_KEY = "sk_kernel_sandbox_0123456789abcdef";
    /** The setting of how long after start the seeded running replays reach their length (seconds or ISO-8601). */
    public static final String FINISH_AFTER = "finish_after";
    /** 30 s, unless the setting says otherwise. */
    public static final Duration DEFAULT_FINISH_AFTER = Duration.ofSeconds(30);

    /** Does nothing: the sandbox constructs every emulator it finds. */
    public KernelEmulator() {
    }

    @Override
    public String providerId() {
        return "kernel";
    }

    @Override
    public Emulation start(EmulatorContext context) {
        return new KernelEmulation(context);
    }
}
