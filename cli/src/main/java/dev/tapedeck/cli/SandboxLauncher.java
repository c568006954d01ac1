package dev.tapedeck.cli;

import dev.tapedeck.sandbox.Sandbox;
import dev.tapedeck.sandbox.SandboxOptions;
import dev.tapedeck.spi.ProviderConfig;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The in-process sandbox behind {@code --sandbox} and the {@code sandbox} command: starts it and points each
 * provider's settings at it. The sandbox's keys are fixed, published test values, not anyone's account secrets.
 */
final class SandboxLauncher implements AutoCloseable {

    /** The providers the sandbox emulates. */
    static final List<String> PROVIDERS = Sandbox.PROVIDERS;

    private final Sandbox sandbox;

    SandboxLauncher(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Starts a sandbox whose API listens on {@code apiPort} (0: any free port). */
    static SandboxLauncher start(int apiPort) {
        return new SandboxLauncher(Sandbox.start(SandboxOptions.builder().apiPort(apiPort).build()));
    }

    /** The running sandbox. */
    Sandbox sandbox() {
        return sandbox;
    }

    /** Whether the sandbox emulates {@code provider}. */
    boolean emulates(String provider) {
        return PROVIDERS.contains(provider);
    }

    /** Points {@code builder} at this sandbox for {@code provider}: its URL, key and account, no environment. */
    ProviderConfig.Builder configure(String provider, ProviderConfig.Builder builder) {
        builder.environment(name -> Optional.empty()).baseUrl(apiBase(sandbox, provider))
                .apiKey(sandbox.apiKey(provider));
        if (provider.equals("kataven")) {
            builder.setting("account_id", sandbox.katavenAccountId());
        }
        return builder;
    }

    /**
     * The base URL a provider should use: the sandbox's, plus {@code /api/v1} for Kataven, whose sandbox paths sit
     * below it and whose provider adds no prefix to a base URL that has a path.
     */
    static URI apiBase(Sandbox sandbox, String provider) {
        URI base = sandbox.baseUrl(provider);
        return provider.equals("kataven") ? URI.create(base + "/api/v1") : base;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
