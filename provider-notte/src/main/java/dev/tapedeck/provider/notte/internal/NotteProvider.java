package dev.tapedeck.provider.notte.internal;

import dev.tapedeck.model.Capabilities;
import dev.tapedeck.model.Capability;
import dev.tapedeck.model.FilterSupport;
import dev.tapedeck.model.SessionFilter;
import java.net.URI;

/** The facts about Notte that the factory, the connection and the adapters share. */
public final class NotteProvider {

    /** The provider id. */
    public static final String ID = "notte";

    /** The name for people. */
    public static final String DISPLAY_NAME = "Notte";

    /** The public API, unless {@code NOTTE_BASE_URL} or an explicit base URL says otherwise. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.notte.cc");

    /**
     * Replays and history; no pause or resume. Status and creation time are on every session Notte lists but its
     * list cannot filter by them, so core filters; tags, domains, search and sort have no data behind them at all.
     */
    public static final Capabilities CAPABILITIES = Capabilities.builder()
            .supports(Capability.LIST_RECORDINGS, Capability.PRIMARY_RECORDING, Capability.SESSION_HISTORY,
                    Capability.WAIT_UNTIL_READY)
            .filter(SessionFilter.STATUS, FilterSupport.CLIENT)
            .filter(SessionFilter.CREATED_RANGE, FilterSupport.CLIENT)
            .build();

    private NotteProvider() {
    }
}
