package dev.tapedeck.cli;

import dev.tapedeck.model.SessionId;
import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.sandbox.spi.ClientSettings;
import dev.tapedeck.sandbox.spi.Emulation;
import dev.tapedeck.spi.ProviderConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The in-process sandbox behind {@code --sandbox} and the {@code sandbox} command: starts it with every emulator the
 * class path and the plug-ins hold, and points a provider's settings at its emulation, whatever the provider. The
 * sandbox's keys are fixed, published test values, not anyone's account secrets.
 */
final class SandboxLauncher implements AutoCloseable {

    /** The address the sandbox binds to unless told otherwise. */
    static final String LOOPBACK = "127.0.0.1";

    private final Sandbox sandbox;

    SandboxLauncher(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * Starts a sandbox on loopback and free ports, finding emulators via {@code loader}, on the command's
     * {@code clock}, so that waiting for the sandbox's sessions passes on the clock the command waits with.
     */
    static SandboxLauncher start(ClassLoader loader, Clock clock) {
        return start(SandboxOptions.builder().host(LOOPBACK), loader, clock);
    }

    /** Starts a sandbox as {@link #start(ClassLoader, Clock)} does, where {@code where} says (host and ports). */
    static SandboxLauncher start(SandboxOptions.Builder where, ClassLoader loader, Clock clock) {
        return new SandboxLauncher(Sandbox.start(where.emulatorLoader(loader).clock(clock).build()));
    }

    /** The running sandbox. */
    Sandbox sandbox() {
        return sandbox;
    }

    /** Whether the sandbox emulates {@code provider}. */
    boolean emulates(String provider) {
        return sandbox.emulated().contains(provider);
    }

    /**
     * The sessions the emulation of {@code provider} says it seeded, for a provider whose API cannot list them
     * (see {@code Emulation.seededSessionIds}); empty when it names none or the sandbox does not emulate it.
     */
    List<SessionId> seededSessions(String provider) {
        if (!emulates(provider)) {
            return List.of();
        }
        return sandbox.emulation(provider, Emulation.class).seededSessionIds().stream().map(SessionId::of)
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * Points {@code builder} at this sandbox for {@code provider}: the base URL, key and settings of its emulation's
     * client settings, and no environment.
     */
    ProviderConfig.Builder configure(String provider, ProviderConfig.Builder builder) {
        ClientSettings settings = sandbox.clientSettings(provider);
        builder.environment(name -> Optional.empty()).baseUrl(settings.baseUrl()).apiKey(settings.apiKey());
        settings.settings().forEach(builder::setting);
        return builder;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
