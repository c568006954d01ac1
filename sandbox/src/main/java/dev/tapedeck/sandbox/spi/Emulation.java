package dev.tapedeck.sandbox.spi;

import java.util.Optional;

/**
 * One provider's API running in a sandbox: it answers the calls routed to it and tells a client how to reach it.
 * Thread-safe: the sandbox serves calls from several threads.
 */
public interface Emulation extends ApiHandler {

    /** What a client of this provider needs to use the emulation: base URL, API key, extra settings. */
    ClientSettings clientSettings();

    /**
     * Which seeded sessions have recordings and which have none, for the provider kit's contract; empty by default,
     * and an emulation that leaves it empty cannot run the contract.
     */
    default Optional<SeededSessions> seededSessions() {
        return Optional.empty();
    }
}
