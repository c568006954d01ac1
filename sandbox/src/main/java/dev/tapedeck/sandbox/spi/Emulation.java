package dev.tapedeck.sandbox.spi;

import java.util.List;
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

    /**
     * The ids of the seeded sessions, for a provider whose API cannot list them: the command line's {@code --sandbox
     * archive} archives these as if a history had listed them. Sessions seeded only to make every request for them
     * fail (an internal error, a feature the account lacks) may be left out, so that archiving all of the sandbox
     * succeeds. Empty by default, as a provider with a history needs none.
     */
    default List<String> seededSessionIds() {
        return List.of();
    }
}
