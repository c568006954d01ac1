package dev.tapedeck.sandbox.spi;

import java.util.Set;

/**
 * An emulator of one provider's API inside the sandbox. Discovered through {@link java.util.ServiceLoader}, like
 * providers: list the implementing class in {@code META-INF/services/dev.tapedeck.sandbox.spi.ProviderEmulator}. A
 * provider jar can ship its own (an optional dependency on {@code tapedeck-sandbox} plus that services file), and
 * the sandbox, the command line's {@code --sandbox} and tests find it with no edit anywhere.
 *
 * <p>Implementations need a public no-argument constructor that does no work; each started sandbox calls
 * {@link #start} once. An emulator is written from the provider's documents, never from the provider's classes.
 */
public interface ProviderEmulator {

    /** The id of the emulated provider, e.g. {@code anchor}; its API is served under {@code /<id>} on the API port. */
    String providerId();

    /**
     * The request headers that carry this provider's credentials, counted by the sandbox's counters (so a test can
     * see that none reached the media host). {@code Authorization} by default.
     */
    default Set<String> credentialHeaders() {
        return Set.of("Authorization");
    }

    /**
     * Starts the emulation for one sandbox: seeds its data from {@code context} (seed, clock, settings) and returns
     * the handler of its API.
     *
     * @throws IllegalArgumentException when a setting in {@code context} is unusable, naming it
     */
    Emulation start(EmulatorContext context);
}
